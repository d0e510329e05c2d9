using System;
using System.Collections.Generic;

public class Solution {
    public int MissingNumber(int[] nums) {
        long n = nums.Length;
        long total = n * (n + 1) / 2;
        foreach (int x in nums) {
            total -= x;
        }
        return (int) total;
    }
}
