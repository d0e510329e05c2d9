using System;
using System.Collections.Generic;

public class Solution {
    public int CoinChange(int[] coins, int amount) {
        // Return the fewest coins that add up to amount, or -1 if impossible.
        return 0;
    }
}
