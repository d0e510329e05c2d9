class MinStack:
    def __init__(self):
        # Each entry is (value, minimum of this value and everything below it).
        self.entries = []

    def push(self, val: int) -> None:
        smallest = min(val, self.entries[-1][1]) if self.entries else val
        self.entries.append((val, smallest))

    def pop(self) -> None:
        self.entries.pop()

    def top(self) -> int:
        return self.entries[-1][0]

    def getMin(self) -> int:
        return self.entries[-1][1]
