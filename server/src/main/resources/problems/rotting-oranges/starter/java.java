import java.util.*;

class Solution {
  public int orangesRotting(int[][] grid) {
    // Return the minutes until no fresh orange is left, or -1 if that never happens.
    return 0;
  }
}
