package main

func minSubArrayLen(target int, nums []int) int {
	// Return the length of the shortest subarray with sum >= target, or 0.
	return -1
}
