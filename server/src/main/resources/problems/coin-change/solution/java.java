import java.util.*;

class Solution {
  public int coinChange(int[] coins, int amount) {
    int impossible = amount + 1; // more coins than any payment needs
    int[] best = new int[amount + 1];
    Arrays.fill(best, impossible);
    best[0] = 0;
    for (int a = 1; a <= amount; a++) {
      for (int c : coins) {
        if (c <= a && best[a - c] + 1 < best[a]) {
          best[a] = best[a - c] + 1;
        }
      }
    }
    return best[amount] == impossible ? -1 : best[amount];
  }
}
