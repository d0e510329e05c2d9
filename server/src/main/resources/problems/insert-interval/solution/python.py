from typing import List


def insert(intervals: List[List[int]], newInterval: List[int]) -> List[List[int]]:
    result = []
    lo, hi = newInterval
    i, n = 0, len(intervals)
    while i < n and intervals[i][1] < lo:
        result.append(intervals[i])
        i += 1
    while i < n and intervals[i][0] <= hi:
        lo = min(lo, intervals[i][0])
        hi = max(hi, intervals[i][1])
        i += 1
    result.append([lo, hi])
    result.extend(intervals[i:])
    return result
