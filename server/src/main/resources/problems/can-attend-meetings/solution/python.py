from typing import List


def canAttendMeetings(intervals: List[List[int]]) -> bool:
    meetings = sorted(intervals, key=lambda meeting: meeting[0])
    for previous, current in zip(meetings, meetings[1:]):
        if current[0] < previous[1]:
            return False
    return True
