import java.util.*;

class Solution {
  public int searchInsert(int[] nums, int target) {
    // Return the index of target, or where it would be inserted to keep nums sorted.
    return -1;
  }
}
