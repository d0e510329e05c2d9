from typing import List


def maxProfit(prices: List[int]) -> int:
    # Return the largest profit of one buy followed by a later sell, or 0.
    return 0
