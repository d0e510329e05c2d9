package main

// TreeNode is provided: type TreeNode struct { Val int; Left, Right *TreeNode }

func levelOrder(root *TreeNode) [][]int {
	// Return the values level by level, each level from left to right.
	return [][]int{}
}
