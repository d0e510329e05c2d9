package main

func maxPathSum(root *TreeNode) int {
	best := root.Val
	// gain is the largest sum of a path starting at node and going down (0 for no node).
	var gain func(node *TreeNode) int
	gain = func(node *TreeNode) int {
		if node == nil {
			return 0
		}
		left := larger(0, gain(node.Left))
		right := larger(0, gain(node.Right))
		best = larger(best, node.Val+left+right)
		return node.Val + larger(left, right)
	}
	gain(root)
	return best
}

func larger(a, b int) int {
	if a > b {
		return a
	}
	return b
}
