using System;
using System.Collections.Generic;

public class Solution {
    public int[][] Merge(int[][] intervals) {
        // Return the merged intervals, sorted by start.
        return new int[0][];
    }
}
