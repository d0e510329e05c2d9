import java.util.*;

class Solution {
  public int findKthLargest(int[] nums, int k) {
    // Return the k-th largest element of nums.
    return 0;
  }
}
