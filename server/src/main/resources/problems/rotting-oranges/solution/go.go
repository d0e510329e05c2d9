package main

func orangesRotting(grid [][]int) int {
	rows, cols := len(grid), len(grid[0])
	state := make([][]int, rows)
	level := [][2]int{}
	fresh := 0
	for r := range grid {
		state[r] = append([]int(nil), grid[r]...)
		for c, v := range state[r] {
			if v == 2 {
				level = append(level, [2]int{r, c})
			} else if v == 1 {
				fresh++
			}
		}
	}
	steps := [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}
	minutes := 0
	for len(level) > 0 && fresh > 0 {
		following := [][2]int{}
		for _, cell := range level {
			for _, step := range steps {
				i, j := cell[0]+step[0], cell[1]+step[1]
				if i >= 0 && i < rows && j >= 0 && j < cols && state[i][j] == 1 {
					state[i][j] = 2
					fresh--
					following = append(following, [2]int{i, j})
				}
			}
		}
		level = following
		minutes++
	}
	if fresh > 0 {
		return -1
	}
	return minutes
}
