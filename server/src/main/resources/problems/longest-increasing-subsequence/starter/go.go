package main

func lengthOfLIS(nums []int) int {
	// Return the length of the longest strictly increasing subsequence of nums.
	return 0
}
