package main

func eraseOverlapIntervals(intervals [][]int) int {
	// Return the fewest intervals to remove so that the rest do not overlap.
	return 0
}
