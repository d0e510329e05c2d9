using System;
using System.Collections.Generic;

public class Solution {
    public int CoinChange(int[] coins, int amount) {
        int impossible = amount + 1; // more coins than any payment needs
        var best = new int[amount + 1];
        for (int a = 1; a <= amount; a++) {
            best[a] = impossible;
            foreach (int c in coins) {
                if (c <= a && best[a - c] + 1 < best[a]) best[a] = best[a - c] + 1;
            }
        }
        return best[amount] == impossible ? -1 : best[amount];
    }
}
