#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int maxArea(vector<int>& heights) {
    int left = 0, right = (int) heights.size() - 1;
    int best = 0;
    while (left < right) {
      best = max(best, (right - left) * min(heights[left], heights[right]));
      if (heights[left] <= heights[right]) left++;
      else right--;
    }
    return best;
  }
};
