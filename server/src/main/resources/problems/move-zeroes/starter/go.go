package main

func moveZeroes(nums []int) []int {
	// Return nums with every 0 moved to the end, the other values in their order.
	return []int{}
}
