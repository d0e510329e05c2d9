class MedianFinder:
    def __init__(self):
        # Set up an empty structure.
        pass

    def addNum(self, num: int) -> None:
        pass

    def findMedian(self) -> float:
        # Return the median of the numbers added so far.
        return 0.0
