package main

func findKthLargest(nums []int, k int) int {
	// Return the k-th largest element of nums.
	return 0
}
