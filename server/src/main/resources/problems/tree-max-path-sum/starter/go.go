package main

// TreeNode is provided: type TreeNode struct { Val int; Left, Right *TreeNode }

func maxPathSum(root *TreeNode) int {
	// Return the largest sum of node values along any path.
	return 0
}
