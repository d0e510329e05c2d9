package main

import "container/heap"

// minHeap implements heap.Interface for ints, smallest on top.
type minHeap []int

func (h minHeap) Len() int            { return len(h) }
func (h minHeap) Less(i, j int) bool  { return h[i] < h[j] }
func (h minHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x interface{}) { *h = append(*h, x.(int)) }
func (h *minHeap) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func findKthLargest(nums []int, k int) int {
	largest := &minHeap{} // the k largest values seen so far
	for _, x := range nums {
		if largest.Len() < k {
			heap.Push(largest, x)
		} else if x > (*largest)[0] {
			(*largest)[0] = x
			heap.Fix(largest, 0)
		}
	}
	return (*largest)[0]
}
