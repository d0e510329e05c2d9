import java.util.*;

class Solution {
  public int minSubArrayLen(int target, int[] nums) {
    int best = nums.length + 1;
    int total = 0;
    int left = 0;
    for (int right = 0; right < nums.length; right++) {
      total += nums[right];
      while (total >= target) {
        best = Math.min(best, right - left + 1);
        total -= nums[left++];
      }
    }
    return best <= nums.length ? best : 0;
  }
}
