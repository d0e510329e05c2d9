from typing import List


def eraseOverlapIntervals(intervals: List[List[int]]) -> int:
    # Return the fewest intervals to remove so that the rest do not overlap.
    return 0
