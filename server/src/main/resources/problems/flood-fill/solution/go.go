package main

func floodFill(grid [][]int, row int, col int, color int) [][]int {
	old := grid[row][col]
	if old == color {
		return grid
	}
	rows, cols := len(grid), len(grid[0])
	steps := [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}
	grid[row][col] = color
	queue := [][2]int{{row, col}}
	for head := 0; head < len(queue); head++ {
		cell := queue[head]
		for _, step := range steps {
			r, c := cell[0]+step[0], cell[1]+step[1]
			if r >= 0 && r < rows && c >= 0 && c < cols && grid[r][c] == old {
				grid[r][c] = color
				queue = append(queue, [2]int{r, c})
			}
		}
	}
	return grid
}
