import heapq
from typing import List


def lastStoneWeight(stones: List[int]) -> int:
    # heapq is a min-heap, so it holds the negated weights: the heaviest stone is on top.
    pile = [-w for w in stones]
    heapq.heapify(pile)
    while len(pile) > 1:
        heaviest = -heapq.heappop(pile)
        second = -heapq.heappop(pile)
        if heaviest > second:
            heapq.heappush(pile, second - heaviest)
    return -pile[0] if pile else 0
