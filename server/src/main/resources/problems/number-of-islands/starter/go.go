package main

func numIslands(grid []string) int {
	// Return the number of islands of '1' cells in grid.
	return 0
}
