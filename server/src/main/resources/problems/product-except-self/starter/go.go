package main

func productExceptSelf(nums []int) []int {
	// Return, for each index, the product of all the other elements.
	return []int{}
}
