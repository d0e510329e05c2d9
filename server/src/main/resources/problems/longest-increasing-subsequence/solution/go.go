package main

import "sort"

func lengthOfLIS(nums []int) int {
	tails := []int{} // tails[L-1]: smallest value ending an increasing subsequence of length L
	for _, x := range nums {
		p := sort.SearchInts(tails, x) // first index with tails[p] >= x
		if p == len(tails) {
			tails = append(tails, x)
		} else {
			tails[p] = x
		}
	}
	return len(tails)
}
