package main

func insert(intervals [][]int, newInterval []int) [][]int {
	// Return the intervals with newInterval added and merged, sorted by start.
	return [][]int{}
}
