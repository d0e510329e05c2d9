import java.util.*;

class Solution {
  public int[] twoSum(int[] nums, int target) {
    // Return the indices of the two numbers that add up to target.
    return new int[0];
  }
}
