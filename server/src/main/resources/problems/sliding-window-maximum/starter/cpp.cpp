#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<int> maxSlidingWindow(vector<int>& nums, int k) {
    // Return the maximum of each window of width k, from left to right.
    return {};
  }
};
