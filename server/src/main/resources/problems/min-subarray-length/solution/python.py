from typing import List


def minSubArrayLen(target: int, nums: List[int]) -> int:
    best = len(nums) + 1
    total = 0
    left = 0
    for right, value in enumerate(nums):
        total += value
        while total >= target:
            best = min(best, right - left + 1)
            total -= nums[left]
            left += 1
    return best if best <= len(nums) else 0
