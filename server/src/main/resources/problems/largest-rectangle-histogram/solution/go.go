package main

func largestRectangleArea(heights []int) int64 {
	n := len(heights)
	var best int64
	rising := []int{} // indices of bars with strictly increasing heights
	for i := 0; i <= n; i++ {
		h := 0 // a final bar of height 0 empties the stack
		if i < n {
			h = heights[i]
		}
		for len(rising) > 0 && heights[rising[len(rising)-1]] >= h {
			top := rising[len(rising)-1]
			rising = rising[:len(rising)-1]
			left := -1
			if len(rising) > 0 {
				left = rising[len(rising)-1]
			}
			if area := int64(heights[top]) * int64(i-left-1); area > best {
				best = area
			}
		}
		rising = append(rising, i)
	}
	return best
}
