// Inserts each value of a list into a binary search tree.
package main

func insertAll(root *TreeNode, values *ListNode) *TreeNode {
	for v := values; v != nil; v = v.Next {
		root = insert(root, v.Val)
	}
	return root
}

func insert(node *TreeNode, value int) *TreeNode {
	if node == nil {
		return &TreeNode{Val: value}
	}
	if value < node.Val {
		node.Left = insert(node.Left, value)
	} else {
		node.Right = insert(node.Right, value)
	}
	return node
}
