import java.util.*;

class Solution {
  public long largestRectangleArea(int[] heights) {
    int n = heights.length;
    long best = 0;
    int[] rising = new int[n]; // indices of bars with strictly increasing heights
    int size = 0;
    for (int i = 0; i <= n; i++) {
      int h = i < n ? heights[i] : 0; // a final bar of height 0 empties the stack
      while (size > 0 && heights[rising[size - 1]] >= h) {
        int top = rising[--size];
        int left = size > 0 ? rising[size - 1] : -1;
        best = Math.max(best, (long) heights[top] * (i - left - 1));
      }
      if (i < n) {
        rising[size++] = i;
      }
    }
    return best;
  }
}
