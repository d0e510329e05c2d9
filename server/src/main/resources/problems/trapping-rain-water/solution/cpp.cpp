#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int trap(vector<int>& heights) {
    int left = 0, right = (int) heights.size() - 1;
    int leftMax = 0, rightMax = 0, water = 0;
    while (left <= right) {
      leftMax = max(leftMax, heights[left]);
      rightMax = max(rightMax, heights[right]);
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
};
