class MedianFinder {
  constructor() {
    // Set up an empty structure.
  }

  addNum(num: number): void {}

  findMedian(): number {
    // Return the median of the numbers added so far.
    return 0;
  }
}
