using System;
using System.Collections.Generic;

public class Solution {
    public int[] MoveZeroes(int[] nums) {
        // Return nums with every 0 moved to the end, the other values in their order.
        return new int[0];
    }
}
