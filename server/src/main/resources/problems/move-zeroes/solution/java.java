import java.util.*;

class Solution {
  public int[] moveZeroes(int[] nums) {
    int write = 0;
    for (int value : nums) {
      if (value != 0) {
        nums[write++] = value;
      }
    }
    Arrays.fill(nums, write, nums.length, 0);
    return nums;
  }
}
