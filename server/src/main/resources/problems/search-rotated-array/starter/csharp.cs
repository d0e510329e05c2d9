using System;
using System.Collections.Generic;

public class Solution {
    public int Search(int[] nums, int target) {
        // Return the index of target in nums, or -1 if it is not there.
        return -2;
    }
}
