package main

func largestRectangleArea(heights []int) int64 {
	// Return the area of the largest rectangle inside the histogram.
	return 0
}
