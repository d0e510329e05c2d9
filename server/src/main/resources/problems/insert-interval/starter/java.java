import java.util.*;

class Solution {
  public int[][] insert(int[][] intervals, int[] newInterval) {
    // Return the intervals with newInterval added and merged, sorted by start.
    return new int[0][];
  }
}
