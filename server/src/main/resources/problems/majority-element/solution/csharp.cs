using System;
using System.Collections.Generic;

public class Solution {
    public int MajorityElement(int[] nums) {
        int candidate = 0;
        int count = 0;
        foreach (int x in nums) {
            if (count == 0) candidate = x;
            count += x == candidate ? 1 : -1;
        }
        return candidate;
    }
}
