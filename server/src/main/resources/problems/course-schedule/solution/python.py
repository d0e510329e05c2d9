from collections import deque
from typing import List


def canFinish(numCourses: int, prerequisites: List[List[int]]) -> bool:
    unlocks = [[] for _ in range(numCourses)]
    waiting = [0] * numCourses
    for course, before in prerequisites:
        unlocks[before].append(course)
        waiting[course] += 1
    ready = deque(c for c in range(numCourses) if waiting[c] == 0)
    taken = 0
    while ready:
        course = ready.popleft()
        taken += 1
        for after in unlocks[course]:
            waiting[after] -= 1
            if waiting[after] == 0:
                ready.append(after)
    return taken == numCourses
