from typing import List


def maxArea(heights: List[int]) -> int:
    # Return the most water that two of the walls can hold.
    return 0
