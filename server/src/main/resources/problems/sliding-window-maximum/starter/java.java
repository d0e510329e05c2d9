import java.util.*;

class Solution {
  public int[] maxSlidingWindow(int[] nums, int k) {
    // Return the maximum of each window of width k, from left to right.
    return new int[0];
  }
}
