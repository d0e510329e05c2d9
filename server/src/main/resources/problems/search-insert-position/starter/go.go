package main

func searchInsert(nums []int, target int) int {
	// Return the index of target, or where it would be inserted to keep nums sorted.
	return -1
}
