package main

func numIslands(grid []string) int {
	rows, cols := len(grid), len(grid[0])
	seen := make([][]bool, rows)
	for r := range seen {
		seen[r] = make([]bool, cols)
	}
	steps := [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}
	islands := 0
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if grid[r][c] != '1' || seen[r][c] {
				continue
			}
			islands++
			seen[r][c] = true
			queue := [][2]int{{r, c}}
			for len(queue) > 0 {
				cell := queue[0]
				queue = queue[1:]
				for _, step := range steps {
					i, j := cell[0]+step[0], cell[1]+step[1]
					if i < 0 || i >= rows || j < 0 || j >= cols {
						continue
					}
					if grid[i][j] != '1' || seen[i][j] {
						continue
					}
					seen[i][j] = true
					queue = append(queue, [2]int{i, j})
				}
			}
		}
	}
	return islands
}
