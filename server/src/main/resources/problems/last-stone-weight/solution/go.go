package main

import "container/heap"

// maxHeap implements heap.Interface for ints, largest on top.
type maxHeap []int

func (h maxHeap) Len() int            { return len(h) }
func (h maxHeap) Less(i, j int) bool  { return h[i] > h[j] }
func (h maxHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *maxHeap) Push(x interface{}) { *h = append(*h, x.(int)) }
func (h *maxHeap) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func lastStoneWeight(stones []int) int {
	pile := maxHeap(append([]int(nil), stones...))
	heap.Init(&pile)
	for pile.Len() > 1 {
		heaviest := heap.Pop(&pile).(int)
		second := heap.Pop(&pile).(int)
		if heaviest > second {
			heap.Push(&pile, heaviest-second)
		}
	}
	if pile.Len() == 0 {
		return 0
	}
	return pile[0]
}
