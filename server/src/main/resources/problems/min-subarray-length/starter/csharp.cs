using System;
using System.Collections.Generic;

public class Solution {
    public int MinSubArrayLen(int target, int[] nums) {
        // Return the length of the shortest subarray with sum >= target, or 0.
        return -1;
    }
}
