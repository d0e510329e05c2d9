package main

func majorityElement(nums []int) int {
	// Return the value that occurs more than len(nums) / 2 times.
	return 0
}
