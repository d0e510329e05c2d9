package main

func missingNumber(nums []int) int {
	missing := len(nums)
	for i, x := range nums {
		missing ^= i ^ x
	}
	return missing
}
