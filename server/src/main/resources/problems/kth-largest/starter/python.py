from typing import List


def findKthLargest(nums: List[int], k: int) -> int:
    # Return the k-th largest element of nums.
    return 0
