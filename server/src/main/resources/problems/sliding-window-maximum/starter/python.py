from typing import List


def maxSlidingWindow(nums: List[int], k: int) -> List[int]:
    # Return the maximum of each window of width k, from left to right.
    return []
