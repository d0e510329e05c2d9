using System;
using System.Collections.Generic;

public class Solution {
    public int[][] Insert(int[][] intervals, int[] newInterval) {
        var result = new List<int[]>();
        int lo = newInterval[0];
        int hi = newInterval[1];
        int i = 0;
        int n = intervals.Length;
        while (i < n && intervals[i][1] < lo) {
            result.Add(intervals[i]);
            i++;
        }
        while (i < n && intervals[i][0] <= hi) {
            lo = Math.Min(lo, intervals[i][0]);
            hi = Math.Max(hi, intervals[i][1]);
            i++;
        }
        result.Add(new int[] { lo, hi });
        while (i < n) {
            result.Add(intervals[i]);
            i++;
        }
        return result.ToArray();
    }
}
