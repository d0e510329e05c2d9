from typing import List


def topKFrequent(nums: List[int], k: int) -> List[int]:
    # Return the k most frequent values, most frequent first, ties by smaller value.
    return []
