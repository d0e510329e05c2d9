#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int minSubArrayLen(int target, vector<int>& nums) {
    // Return the length of the shortest subarray with sum >= target, or 0.
    return -1;
  }
};
