from typing import List


def trap(heights: List[int]) -> int:
    # Return the total amount of water held between the bars.
    return 0
