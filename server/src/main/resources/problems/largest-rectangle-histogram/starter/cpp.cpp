#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  long long largestRectangleArea(vector<int>& heights) {
    // Return the area of the largest rectangle inside the histogram.
    return 0;
  }
};
