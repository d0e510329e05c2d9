package main

func missingNumber(nums []int) int {
	// Return the number of 0..n that is absent from nums.
	return 0
}
