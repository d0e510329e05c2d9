import java.util.*;

class Solution {
  public int missingNumber(int[] nums) {
    // Return the number of 0..n that is absent from nums.
    return 0;
  }
}
