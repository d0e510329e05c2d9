import java.util.*;

class Solution {
  public int trap(int[] heights) {
    int left = 0;
    int right = heights.length - 1;
    int leftMax = 0;
    int rightMax = 0;
    int water = 0;
    while (left <= right) {
      leftMax = Math.max(leftMax, heights[left]);
      rightMax = Math.max(rightMax, heights[right]);
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
