using System;
using System.Collections.Generic;

public class Solution {
    public int MaxArea(int[] heights) {
        // Return the most water that two of the walls can hold.
        return 0;
    }
}
