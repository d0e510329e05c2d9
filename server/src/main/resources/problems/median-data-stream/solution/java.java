import java.util.*;

class MedianFinder {
  // Every value in low is <= every value in high; low has as many elements as high or one more.
  private final PriorityQueue<Integer> low = new PriorityQueue<>(Comparator.reverseOrder());
  private final PriorityQueue<Integer> high = new PriorityQueue<>();

  public MedianFinder() {}

  public void addNum(int num) {
    low.add(num);
    high.add(low.poll());
    if (high.size() > low.size()) {
      low.add(high.poll());
    }
  }

  public double findMedian() {
    if (low.size() > high.size()) {
      return low.peek();
    }
    return ((long) low.peek() + high.peek()) / 2.0;
  }
}
