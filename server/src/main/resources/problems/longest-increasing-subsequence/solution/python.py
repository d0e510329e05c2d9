from bisect import bisect_left
from typing import List


def lengthOfLIS(nums: List[int]) -> int:
    tails = []  # tails[L - 1]: smallest value ending an increasing subsequence of length L
    for x in nums:
        p = bisect_left(tails, x)
        if p == len(tails):
            tails.append(x)
        else:
            tails[p] = x
    return len(tails)
