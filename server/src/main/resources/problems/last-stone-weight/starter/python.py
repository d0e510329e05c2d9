from typing import List


def lastStoneWeight(stones: List[int]) -> int:
    # Return the weight of the last stone left, or 0 if none is left.
    return 0
