from typing import List


def merge(intervals: List[List[int]]) -> List[List[int]]:
    # Return the merged intervals, sorted by start.
    return []
