package main

func minSubArrayLen(target int, nums []int) int {
	best := len(nums) + 1
	total, left := 0, 0
	for right, value := range nums {
		total += value
		for total >= target {
			if right-left+1 < best {
				best = right - left + 1
			}
			total -= nums[left]
			left++
		}
	}
	if best > len(nums) {
		return 0
	}
	return best
}
