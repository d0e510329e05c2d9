package main

func isValidBST(root *TreeNode) bool {
	// An in-order walk of a search tree sees strictly increasing values.
	var stack []*TreeNode
	node := root
	first := true
	previous := 0
	for len(stack) > 0 || node != nil {
		for node != nil {
			stack = append(stack, node)
			node = node.Left
		}
		node = stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !first && node.Val <= previous {
			return false
		}
		first = false
		previous = node.Val
		node = node.Right
	}
	return true
}
