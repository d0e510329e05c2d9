from typing import List


def moveZeroes(nums: List[int]) -> List[int]:
    # Return nums with every 0 moved to the end, the other values in their order.
    return []
