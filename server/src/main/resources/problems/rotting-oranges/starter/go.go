package main

func orangesRotting(grid [][]int) int {
	// Return the minutes until no fresh orange is left, or -1 if that never happens.
	return 0
}
