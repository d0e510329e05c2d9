package main

func twoSum(nums []int, target int) []int {
	// Return the indices of the two numbers that add up to target.
	return []int{}
}
