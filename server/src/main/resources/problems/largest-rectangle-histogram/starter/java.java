import java.util.*;

class Solution {
  public long largestRectangleArea(int[] heights) {
    // Return the area of the largest rectangle inside the histogram.
    return 0;
  }
}
