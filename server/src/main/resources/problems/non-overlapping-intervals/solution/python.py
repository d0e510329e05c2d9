from typing import List


def eraseOverlapIntervals(intervals: List[List[int]]) -> int:
    removed = 0
    last_end = float("-inf")  # end of the last interval kept
    for start, end in sorted(intervals, key=lambda interval: interval[1]):
        if start >= last_end:
            last_end = end
        else:
            removed += 1
    return removed
