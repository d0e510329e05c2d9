using System;
using System.Collections.Generic;

public class Solution {
    public long LargestRectangleArea(int[] heights) {
        // Return the area of the largest rectangle inside the histogram.
        return 0;
    }
}
