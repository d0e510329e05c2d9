using System;
using System.Collections.Generic;

public class Solution {
    public int MaxProfit(int[] prices) {
        int lowest = prices[0];
        int best = 0;
        foreach (int price in prices) {
            best = Math.Max(best, price - lowest);
            lowest = Math.Min(lowest, price);
        }
        return best;
    }
}
