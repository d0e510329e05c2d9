import java.util.*;

class Solution {
  public int search(int[] nums, int target) {
    // Return the index of target in nums, or -1 if it is not there.
    return -2;
  }
}
