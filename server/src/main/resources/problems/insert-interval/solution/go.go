package main

func insert(intervals [][]int, newInterval []int) [][]int {
	result := [][]int{}
	lo, hi := newInterval[0], newInterval[1]
	i, n := 0, len(intervals)
	for i < n && intervals[i][1] < lo {
		result = append(result, intervals[i])
		i++
	}
	for i < n && intervals[i][0] <= hi {
		if intervals[i][0] < lo {
			lo = intervals[i][0]
		}
		if intervals[i][1] > hi {
			hi = intervals[i][1]
		}
		i++
	}
	result = append(result, []int{lo, hi})
	return append(result, intervals[i:]...)
}
