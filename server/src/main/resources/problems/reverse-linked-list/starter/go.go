package main

// ListNode is provided: type ListNode struct { Val int; Next *ListNode }

func reverseList(head *ListNode) *ListNode {
	// Return the first node of the reversed list.
	return nil
}
