import heapq
from typing import List


def kClosest(points: List[List[int]], k: int) -> List[List[int]]:
    # The k closest points seen so far as (-squared distance, index): the farthest one is on top.
    closest = []
    for i, (x, y) in enumerate(points):
        d = x * x + y * y
        if len(closest) < k:
            heapq.heappush(closest, (-d, i))
        elif d < -closest[0][0]:
            heapq.heapreplace(closest, (-d, i))
    return [points[i] for _, i in closest]
