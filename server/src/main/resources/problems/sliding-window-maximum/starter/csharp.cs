using System;
using System.Collections.Generic;

public class Solution {
    public int[] MaxSlidingWindow(int[] nums, int k) {
        // Return the maximum of each window of width k, from left to right.
        return new int[0];
    }
}
