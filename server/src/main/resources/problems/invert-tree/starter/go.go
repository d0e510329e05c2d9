package main

// TreeNode is provided: type TreeNode struct { Val int; Left, Right *TreeNode }

func invertTree(root *TreeNode) *TreeNode {
	// Mirror the tree and return its root.
	return nil
}
