package main

func levelOrder(root *TreeNode) [][]int {
	levels := [][]int{}
	var level []*TreeNode
	if root != nil {
		level = []*TreeNode{root}
	}
	for len(level) > 0 {
		values := make([]int, 0, len(level))
		var next []*TreeNode
		for _, node := range level {
			values = append(values, node.Val)
			if node.Left != nil {
				next = append(next, node.Left)
			}
			if node.Right != nil {
				next = append(next, node.Right)
			}
		}
		levels = append(levels, values)
		level = next
	}
	return levels
}
