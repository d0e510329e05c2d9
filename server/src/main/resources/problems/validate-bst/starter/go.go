package main

// TreeNode is provided: type TreeNode struct { Val int; Left, Right *TreeNode }

func isValidBST(root *TreeNode) bool {
	// Return whether the tree is a binary search tree.
	return false
}
