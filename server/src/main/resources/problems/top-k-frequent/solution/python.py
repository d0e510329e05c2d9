import heapq
from collections import Counter
from typing import List


def topKFrequent(nums: List[int], k: int) -> List[int]:
    counts = Counter(nums)
    # nsmallest keeps a heap of k entries: higher count first, then smaller value.
    return heapq.nsmallest(k, counts, key=lambda value: (-counts[value], value))
