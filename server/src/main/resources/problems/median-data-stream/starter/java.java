import java.util.*;

class MedianFinder {
  public MedianFinder() {
    // Set up an empty structure.
  }

  public void addNum(int num) {}

  public double findMedian() {
    // Return the median of the numbers added so far.
    return 0;
  }
}
