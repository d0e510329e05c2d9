from typing import List


def numIslands(grid: List[str]) -> int:
    # Return the number of islands of '1' cells in grid.
    return 0
