package main

func maxArea(heights []int) int {
	left, right := 0, len(heights)-1
	best := 0
	for left < right {
		height := heights[left]
		if heights[right] < height {
			height = heights[right]
		}
		if area := (right - left) * height; area > best {
			best = area
		}
		if heights[left] <= heights[right] {
			left++
		} else {
			right--
		}
	}
	return best
}
