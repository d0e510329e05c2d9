from typing import List


def orangesRotting(grid: List[List[int]]) -> int:
    rows, cols = len(grid), len(grid[0])
    grid = [row[:] for row in grid]
    level = [(r, c) for r in range(rows) for c in range(cols) if grid[r][c] == 2]
    fresh = sum(row.count(1) for row in grid)
    minutes = 0
    while level and fresh:
        following = []
        for r, c in level:
            for i, j in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= i < rows and 0 <= j < cols and grid[i][j] == 1:
                    grid[i][j] = 2
                    fresh -= 1
                    following.append((i, j))
        level = following
        minutes += 1
    return minutes if fresh == 0 else -1
