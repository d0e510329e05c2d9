import heapq
from typing import List


def findKthLargest(nums: List[int], k: int) -> int:
    largest = []  # a min-heap of the k largest values seen so far
    for x in nums:
        if len(largest) < k:
            heapq.heappush(largest, x)
        elif x > largest[0]:
            heapq.heapreplace(largest, x)
    return largest[0]
