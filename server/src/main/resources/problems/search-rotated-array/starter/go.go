package main

func search(nums []int, target int) int {
	// Return the index of target in nums, or -1 if it is not there.
	return -2
}
