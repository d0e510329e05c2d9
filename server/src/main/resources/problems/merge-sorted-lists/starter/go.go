package main

// ListNode is provided: type ListNode struct { Val int; Next *ListNode }

func mergeTwoLists(list1 *ListNode, list2 *ListNode) *ListNode {
	// Return the head of the merged sorted list.
	return nil
}
