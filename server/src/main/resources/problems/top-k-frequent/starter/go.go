package main

func topKFrequent(nums []int, k int) []int {
	// Return the k most frequent values, most frequent first, ties by smaller value.
	return []int{}
}
