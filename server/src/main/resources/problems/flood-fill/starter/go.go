package main

func floodFill(grid [][]int, row int, col int, color int) [][]int {
	// Repaint the region of (row, col) with color and return the grid.
	return [][]int{}
}
