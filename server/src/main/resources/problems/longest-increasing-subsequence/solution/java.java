import java.util.*;

class Solution {
  public int lengthOfLIS(int[] nums) {
    // tails[L - 1]: smallest value ending an increasing subsequence of length L.
    int[] tails = new int[nums.length];
    int size = 0;
    for (int x : nums) {
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (tails[mid] < x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      tails[lo] = x;
      if (lo == size) {
        size++;
      }
    }
    return size;
  }
}
