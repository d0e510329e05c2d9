package main

func invertTree(root *TreeNode) *TreeNode {
	var queue []*TreeNode
	if root != nil {
		queue = append(queue, root)
	}
	for i := 0; i < len(queue); i++ {
		node := queue[i]
		node.Left, node.Right = node.Right, node.Left
		if node.Left != nil {
			queue = append(queue, node.Left)
		}
		if node.Right != nil {
			queue = append(queue, node.Right)
		}
	}
	return root
}
