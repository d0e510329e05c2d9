package main

// TreeNode is provided: type TreeNode struct { Val int; Left, Right *TreeNode }

func kthSmallest(root *TreeNode, k int) int {
	// Return the k-th smallest value in the search tree (k = 1 is the smallest).
	return 0
}
