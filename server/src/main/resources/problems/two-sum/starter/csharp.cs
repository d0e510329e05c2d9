using System;
using System.Collections.Generic;

public class Solution {
    public int[] TwoSum(int[] nums, int target) {
        // Return the indices of the two numbers that add up to target.
        return new int[0];
    }
}
