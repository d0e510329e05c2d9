import java.util.*;

class Solution {
  public int[] moveZeroes(int[] nums) {
    // Return nums with every 0 moved to the end, the other values in their order.
    return new int[0];
  }
}
