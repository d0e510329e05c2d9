from typing import List


def majorityElement(nums: List[int]) -> int:
    candidate, count = 0, 0
    for x in nums:
        if count == 0:
            candidate = x
        count += 1 if x == candidate else -1
    return candidate
