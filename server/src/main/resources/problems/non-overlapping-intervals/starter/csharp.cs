using System;
using System.Collections.Generic;

public class Solution {
    public int EraseOverlapIntervals(int[][] intervals) {
        // Return the fewest intervals to remove so that the rest do not overlap.
        return 0;
    }
}
