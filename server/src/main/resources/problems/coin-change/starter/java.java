import java.util.*;

class Solution {
  public int coinChange(int[] coins, int amount) {
    // Return the fewest coins that add up to amount, or -1 if impossible.
    return 0;
  }
}
