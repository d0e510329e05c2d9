import java.util.*;

class Solution {
  public int eraseOverlapIntervals(int[][] intervals) {
    // Return the fewest intervals to remove so that the rest do not overlap.
    return 0;
  }
}
