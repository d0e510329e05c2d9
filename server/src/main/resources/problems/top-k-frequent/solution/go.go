package main

import "container/heap"

type ranked struct{ value, count int }

// worstFirst is a heap whose top is the worst kept value: the lowest count, then the largest value.
type worstFirst []ranked

func (h worstFirst) Len() int { return len(h) }
func (h worstFirst) Less(i, j int) bool {
	if h[i].count != h[j].count {
		return h[i].count < h[j].count
	}
	return h[i].value > h[j].value
}
func (h worstFirst) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *worstFirst) Push(x interface{}) { *h = append(*h, x.(ranked)) }
func (h *worstFirst) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func topKFrequent(nums []int, k int) []int {
	counts := make(map[int]int)
	for _, x := range nums {
		counts[x]++
	}
	best := &worstFirst{}
	for value, count := range counts {
		heap.Push(best, ranked{value, count})
		if best.Len() > k {
			heap.Pop(best)
		}
	}
	result := make([]int, k)
	for i := k - 1; i >= 0; i-- {
		result[i] = heap.Pop(best).(ranked).value
	}
	return result
}
