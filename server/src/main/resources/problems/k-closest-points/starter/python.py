from typing import List


def kClosest(points: List[List[int]], k: int) -> List[List[int]]:
    # Return the k points closest to the origin, in any order.
    return []
