#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  long long largestRectangleArea(vector<int>& heights) {
    int n = heights.size();
    long long best = 0;
    vector<int> rising;  // indices of bars with strictly increasing heights
    for (int i = 0; i <= n; i++) {
      int h = i < n ? heights[i] : 0;  // a final bar of height 0 empties the stack
      while (!rising.empty() && heights[rising.back()] >= h) {
        int top = rising.back();
        rising.pop_back();
        int left = rising.empty() ? -1 : rising.back();
        best = max(best, (long long) heights[top] * (i - left - 1));
      }
      rising.push_back(i);
    }
    return best;
  }
};
