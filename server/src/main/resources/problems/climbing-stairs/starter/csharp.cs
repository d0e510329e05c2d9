using System;
using System.Collections.Generic;

public class Solution {
    public long ClimbStairs(int n) {
        // Return the number of ways to climb n steps with moves of one or two steps.
        return 0;
    }
}
