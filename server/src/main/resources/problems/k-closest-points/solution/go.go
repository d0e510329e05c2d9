package main

import "container/heap"

// farthestFirst implements heap.Interface for points, the farthest from the origin on top.
type farthestFirst [][]int

func squaredDistance(p []int) int { return p[0]*p[0] + p[1]*p[1] }

func (h farthestFirst) Len() int            { return len(h) }
func (h farthestFirst) Less(i, j int) bool  { return squaredDistance(h[i]) > squaredDistance(h[j]) }
func (h farthestFirst) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *farthestFirst) Push(x interface{}) { *h = append(*h, x.([]int)) }
func (h *farthestFirst) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func kClosest(points [][]int, k int) [][]int {
	closest := &farthestFirst{} // the k closest points seen so far
	for _, p := range points {
		if closest.Len() < k {
			heap.Push(closest, p)
		} else if squaredDistance(p) < squaredDistance((*closest)[0]) {
			(*closest)[0] = p
			heap.Fix(closest, 0)
		}
	}
	return *closest
}
