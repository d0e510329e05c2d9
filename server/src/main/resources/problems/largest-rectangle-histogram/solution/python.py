from typing import List


def largestRectangleArea(heights: List[int]) -> int:
    best = 0
    rising = []  # indices of bars with strictly increasing heights
    for i, h in enumerate(heights + [0]):  # the final 0 empties the stack
        while rising and heights[rising[-1]] >= h:
            top = rising.pop()
            width = i - rising[-1] - 1 if rising else i
            area = heights[top] * width
            if area > best:
                best = area
        rising.append(i)
    return best
