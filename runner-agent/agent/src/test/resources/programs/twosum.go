package main

import "fmt"

func twoSum(nums []int, target int) []int {
	fmt.Printf("checking %d numbers\n", len(nums))
	seen := map[int]int{}
	for i, x := range nums {
		if j, ok := seen[target-x]; ok {
			return []int{j, i}
		}
		seen[x] = i
	}
	return nil
}
