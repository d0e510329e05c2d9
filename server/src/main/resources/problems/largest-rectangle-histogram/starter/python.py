from typing import List


def largestRectangleArea(heights: List[int]) -> int:
    # Return the area of the largest rectangle inside the histogram.
    return 0
