import java.util.*;

class Solution {
  public int eraseOverlapIntervals(int[][] intervals) {
    Arrays.sort(intervals, (a, b) -> Integer.compare(a[1], b[1]));
    int removed = 0;
    long lastEnd = Long.MIN_VALUE; // end of the last interval kept
    for (int[] interval : intervals) {
      if (interval[0] >= lastEnd) {
        lastEnd = interval[1];
      } else {
        removed++;
      }
    }
    return removed;
  }
}
