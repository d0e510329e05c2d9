using System;
using System.Collections.Generic;

public class Solution {
    public int LastStoneWeight(int[] stones) {
        // Return the weight of the last stone left, or 0 if none is left.
        return 0;
    }
}
