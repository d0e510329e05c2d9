package main

import (
	"math"
	"sort"
)

func eraseOverlapIntervals(intervals [][]int) int {
	sort.Slice(intervals, func(i, j int) bool { return intervals[i][1] < intervals[j][1] })
	removed := 0
	lastEnd := math.MinInt64 // end of the last interval kept
	for _, interval := range intervals {
		if interval[0] >= lastEnd {
			lastEnd = interval[1]
		} else {
			removed++
		}
	}
	return removed
}
