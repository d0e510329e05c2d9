from collections import deque


class RateLimiter:
    def __init__(self, limit: int, windowMs: int):
        self.limit = limit
        self.window = windowMs
        self.accepted = deque()  # timestamps of accepted requests, oldest first

    def allow(self, timestampMs: int) -> bool:
        while self.accepted and self.accepted[0] <= timestampMs - self.window:
            self.accepted.popleft()
        if len(self.accepted) < self.limit:
            self.accepted.append(timestampMs)
            return True
        return False
