using System;
using System.Collections.Generic;

public class Solution {
    public int Trap(int[] heights) {
        int left = 0, right = heights.Length - 1;
        int leftMax = 0, rightMax = 0, water = 0;
        while (left <= right) {
            leftMax = Math.Max(leftMax, heights[left]);
            rightMax = Math.Max(rightMax, heights[right]);
            if (leftMax <= rightMax) {
                water += leftMax - heights[left];
                left++;
            } else {
                water += rightMax - heights[right];
                right--;
            }
        }
        return water;
    }
}
