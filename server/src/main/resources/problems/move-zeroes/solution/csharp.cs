using System;
using System.Collections.Generic;

public class Solution {
    public int[] MoveZeroes(int[] nums) {
        int write = 0;
        foreach (int value in nums) {
            if (value != 0) nums[write++] = value;
        }
        for (int i = write; i < nums.Length; i++) nums[i] = 0;
        return nums;
    }
}
