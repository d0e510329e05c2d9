package main

// ListNode is provided: type ListNode struct { Val int; Next *ListNode }

func mergeKLists(lists []*ListNode) *ListNode {
	// Return the head of one sorted list holding every node of the given lists.
	return nil
}
