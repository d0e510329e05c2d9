from typing import List


def minSubArrayLen(target: int, nums: List[int]) -> int:
    # Return the length of the shortest subarray with sum >= target, or 0.
    return -1
