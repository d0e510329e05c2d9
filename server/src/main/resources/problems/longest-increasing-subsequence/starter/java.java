import java.util.*;

class Solution {
  public int lengthOfLIS(int[] nums) {
    // Return the length of the longest strictly increasing subsequence of nums.
    return 0;
  }
}
