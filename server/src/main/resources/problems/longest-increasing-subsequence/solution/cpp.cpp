#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int lengthOfLIS(vector<int>& nums) {
    vector<int> tails;  // tails[L - 1]: smallest value ending an increasing subsequence of length L
    for (int x : nums) {
      auto it = lower_bound(tails.begin(), tails.end(), x);
      if (it == tails.end()) tails.push_back(x);
      else *it = x;
    }
    return tails.size();
  }
};
