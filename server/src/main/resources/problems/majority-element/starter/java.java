import java.util.*;

class Solution {
  public int majorityElement(int[] nums) {
    // Return the value that occurs more than nums.length / 2 times.
    return 0;
  }
}
