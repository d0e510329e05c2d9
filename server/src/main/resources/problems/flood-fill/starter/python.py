from typing import List


def floodFill(grid: List[List[int]], row: int, col: int, color: int) -> List[List[int]]:
    # Repaint the region of (row, col) with color and return the grid.
    return []
