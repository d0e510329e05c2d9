package main

func maxSlidingWindow(nums []int, k int) []int {
	// Return the maximum of each window of width k, from left to right.
	return []int{}
}
