using System;
using System.Collections.Generic;

public class Solution {
    public int FindKthLargest(int[] nums, int k) {
        // Return the k-th largest element of nums.
        return 0;
    }
}
