using System;
using System.Collections.Generic;

public class Solution {
    public int MaxProfit(int[] prices) {
        // Return the largest profit of one buy followed by a later sell, or 0.
        return 0;
    }
}
