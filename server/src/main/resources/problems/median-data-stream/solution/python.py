import heapq


class MedianFinder:
    def __init__(self):
        # low holds the smaller half as negated values (heapq is a min-heap), high the larger half.
        # Every value in low is <= every value in high, and low has as many elements as high or one
        # more.
        self.low = []
        self.high = []

    def addNum(self, num: int) -> None:
        heapq.heappush(self.low, -num)
        heapq.heappush(self.high, -heapq.heappop(self.low))
        if len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def findMedian(self) -> float:
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        return (-self.low[0] + self.high[0]) / 2.0
