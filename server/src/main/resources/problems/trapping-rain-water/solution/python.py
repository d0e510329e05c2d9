from typing import List


def trap(heights: List[int]) -> int:
    left, right = 0, len(heights) - 1
    left_max = right_max = 0
    water = 0
    while left <= right:
        left_max = max(left_max, heights[left])
        right_max = max(right_max, heights[right])
        if left_max <= right_max:
            water += left_max - heights[left]
            left += 1
        else:
            water += right_max - heights[right]
            right -= 1
    return water
