package main

func maxPathSum(root *TreeNode) int {
	best := root.Val
	// gain is the largest sum of a path starting at node and going down (0 for no node).
	var gain func(node *TreeNode) int
	gain = func(node *TreeNode) int {
		if node == nil {
			return 0
		}
		left := max(0, gain(node.Left))
		right := max(0, gain(node.Right))
		best = max(best, node.Val+left+right)
		return node.Val + max(left, right)
	}
	gain(root)
	return best
}
