from typing import List


def lengthOfLIS(nums: List[int]) -> int:
    # Return the length of the longest strictly increasing subsequence of nums.
    return 0
