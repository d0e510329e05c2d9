package main

func trap(heights []int) int {
	left, right := 0, len(heights)-1
	leftMax, rightMax, water := 0, 0, 0
	for left <= right {
		if heights[left] > leftMax {
			leftMax = heights[left]
		}
		if heights[right] > rightMax {
			rightMax = heights[right]
		}
		if leftMax <= rightMax {
			water += leftMax - heights[left]
			left++
		} else {
			water += rightMax - heights[right]
			right--
		}
	}
	return water
}
