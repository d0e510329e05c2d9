from typing import List


def productExceptSelf(nums: List[int]) -> List[int]:
    # Return, for each index, the product of all the other elements.
    return []
