from typing import List


def orangesRotting(grid: List[List[int]]) -> int:
    # Return the minutes until no fresh orange is left, or -1 if that never happens.
    return 0
