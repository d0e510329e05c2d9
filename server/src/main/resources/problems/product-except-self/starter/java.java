import java.util.*;

class Solution {
  public int[] productExceptSelf(int[] nums) {
    // Return, for each index, the product of all the other elements.
    return new int[0];
  }
}
