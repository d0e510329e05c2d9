using System;
using System.Collections.Generic;

public class Solution {
    public int[][] Insert(int[][] intervals, int[] newInterval) {
        // Return the intervals with newInterval added and merged, sorted by start.
        return new int[0][];
    }
}
