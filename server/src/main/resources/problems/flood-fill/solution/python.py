from collections import deque
from typing import List


def floodFill(grid: List[List[int]], row: int, col: int, color: int) -> List[List[int]]:
    old = grid[row][col]
    if old == color:
        return grid
    rows, cols = len(grid), len(grid[0])
    grid[row][col] = color
    queue = deque([(row, col)])
    while queue:
        r, c = queue.popleft()
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == old:
                grid[nr][nc] = color
                queue.append((nr, nc))
    return grid
