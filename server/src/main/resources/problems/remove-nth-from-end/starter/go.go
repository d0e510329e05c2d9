package main

// ListNode is provided: type ListNode struct { Val int; Next *ListNode }

func removeNthFromEnd(head *ListNode, n int) *ListNode {
	// Return the head of the list without its n-th node from the end.
	return nil
}
