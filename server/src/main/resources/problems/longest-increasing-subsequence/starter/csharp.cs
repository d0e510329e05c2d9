using System;
using System.Collections.Generic;

public class Solution {
    public int LengthOfLIS(int[] nums) {
        // Return the length of the longest strictly increasing subsequence of nums.
        return 0;
    }
}
