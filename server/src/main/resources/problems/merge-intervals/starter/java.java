import java.util.*;

class Solution {
  public int[][] merge(int[][] intervals) {
    // Return the merged intervals, sorted by start.
    return new int[0][];
  }
}
