using System;
using System.Collections.Generic;

public class Solution {
    public int[] ProductExceptSelf(int[] nums) {
        // Return, for each index, the product of all the other elements.
        return new int[0];
    }
}
