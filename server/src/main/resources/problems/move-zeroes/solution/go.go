package main

func moveZeroes(nums []int) []int {
	write := 0
	for _, value := range nums {
		if value != 0 {
			nums[write] = value
			write++
		}
	}
	for i := write; i < len(nums); i++ {
		nums[i] = 0
	}
	return nums
}
