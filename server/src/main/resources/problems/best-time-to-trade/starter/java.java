import java.util.*;

class Solution {
  public int maxProfit(int[] prices) {
    // Return the largest profit of one buy followed by a later sell, or 0.
    return 0;
  }
}
