using System;
using System.Collections.Generic;

public class Solution {
    public int[][] Merge(int[][] intervals) {
        Array.Sort(intervals, (a, b) => a[0].CompareTo(b[0]));
        var merged = new List<int[]>();
        foreach (int[] interval in intervals) {
            if (merged.Count > 0 && interval[0] <= merged[merged.Count - 1][1]) {
                int[] last = merged[merged.Count - 1];
                last[1] = Math.Max(last[1], interval[1]);
            } else {
                merged.Add(new int[] { interval[0], interval[1] });
            }
        }
        return merged.ToArray();
    }
}
