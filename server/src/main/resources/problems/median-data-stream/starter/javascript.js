class MedianFinder {
  constructor() {
    // Set up an empty structure.
  }

  /**
   * @param {number} num
   * @return {void}
   */
  addNum(num) {}

  /** @return {number} the median of the numbers added so far */
  findMedian() {
    return 0;
  }
}
