import java.util.*;

class Solution {
  public int minSubArrayLen(int target, int[] nums) {
    // Return the length of the shortest subarray with sum >= target, or 0.
    return -1;
  }
}
