from typing import List


def canFinish(numCourses: int, prerequisites: List[List[int]]) -> bool:
    # Return true if every course can be completed in some order.
    return False
