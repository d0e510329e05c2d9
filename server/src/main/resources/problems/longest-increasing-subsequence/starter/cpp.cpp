#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int lengthOfLIS(vector<int>& nums) {
    // Return the length of the longest strictly increasing subsequence of nums.
    return 0;
  }
};
