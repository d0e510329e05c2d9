from typing import List


def moveZeroes(nums: List[int]) -> List[int]:
    write = 0
    for value in nums:
        if value != 0:
            nums[write] = value
            write += 1
    for i in range(write, len(nums)):
        nums[i] = 0
    return nums
