package main

import "container/heap"

// intHeap implements heap.Interface for ints, smallest on top.
type intHeap []int

func (h intHeap) Len() int            { return len(h) }
func (h intHeap) Less(i, j int) bool  { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x interface{}) { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

type MedianFinder struct {
	// low holds the smaller half negated (so its top is the largest), high the larger half. Every
	// value in low is <= every value in high; low has as many elements as high or one more.
	low  *intHeap
	high *intHeap
}

func Constructor() MedianFinder {
	return MedianFinder{low: &intHeap{}, high: &intHeap{}}
}

func (this *MedianFinder) AddNum(num int) {
	heap.Push(this.low, -num)
	heap.Push(this.high, -heap.Pop(this.low).(int))
	if this.high.Len() > this.low.Len() {
		heap.Push(this.low, -heap.Pop(this.high).(int))
	}
}

func (this *MedianFinder) FindMedian() float64 {
	if this.low.Len() > this.high.Len() {
		return float64(-(*this.low)[0])
	}
	return float64(-(*this.low)[0]+(*this.high)[0]) / 2
}
