using System;
using System.Collections.Generic;

public class Solution {
    public int MajorityElement(int[] nums) {
        // Return the value that occurs more than nums.Length / 2 times.
        return 0;
    }
}
