using System;
using System.Collections.Generic;

public class Solution {
    public long LargestRectangleArea(int[] heights) {
        int n = heights.Length;
        long best = 0;
        var rising = new Stack<int>(); // indices of bars with strictly increasing heights
        for (int i = 0; i <= n; i++) {
            int h = i < n ? heights[i] : 0; // a final bar of height 0 empties the stack
            while (rising.Count > 0 && heights[rising.Peek()] >= h) {
                int top = rising.Pop();
                int left = rising.Count > 0 ? rising.Peek() : -1;
                best = Math.Max(best, (long) heights[top] * (i - left - 1));
            }
            rising.Push(i);
        }
        return best;
    }
}
