using System;
using System.Collections.Generic;

public class Solution {
    public int MaxArea(int[] heights) {
        int left = 0, right = heights.Length - 1;
        int best = 0;
        while (left < right) {
            best = Math.Max(best, (right - left) * Math.Min(heights[left], heights[right]));
            if (heights[left] <= heights[right]) left++;
            else right--;
        }
        return best;
    }
}
