from typing import List


def searchInsert(nums: List[int], target: int) -> int:
    # Return the index of target, or where it would be inserted to keep nums sorted.
    return -1
