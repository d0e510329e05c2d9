package main

// TreeNode is provided: type TreeNode struct { Val int; Left, Right *TreeNode }

func maxDepth(root *TreeNode) int {
	// Return the number of nodes on the longest root-to-leaf path.
	return 0
}
