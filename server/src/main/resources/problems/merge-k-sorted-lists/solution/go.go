package main

import "container/heap"

// nodeHeap is a min-heap of list nodes by value.
type nodeHeap []*ListNode

func (h nodeHeap) Len() int            { return len(h) }
func (h nodeHeap) Less(i, j int) bool  { return h[i].Val < h[j].Val }
func (h nodeHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *nodeHeap) Push(x interface{}) { *h = append(*h, x.(*ListNode)) }
func (h *nodeHeap) Pop() interface{} {
	old := *h
	node := old[len(old)-1]
	*h = old[:len(old)-1]
	return node
}

func mergeKLists(lists []*ListNode) *ListNode {
	heads := &nodeHeap{}
	for _, head := range lists {
		if head != nil {
			*heads = append(*heads, head)
		}
	}
	heap.Init(heads)
	dummy := &ListNode{}
	tail := dummy
	for heads.Len() > 0 {
		node := heap.Pop(heads).(*ListNode)
		tail.Next = node
		tail = node
		if node.Next != nil {
			heap.Push(heads, node.Next)
		}
	}
	return dummy.Next
}
