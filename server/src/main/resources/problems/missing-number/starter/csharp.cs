using System;
using System.Collections.Generic;

public class Solution {
    public int MissingNumber(int[] nums) {
        // Return the number of 0..n that is absent from nums.
        return 0;
    }
}
