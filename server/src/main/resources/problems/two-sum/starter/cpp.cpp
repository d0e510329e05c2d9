#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<int> twoSum(vector<int>& nums, int target) {
    // Return the indices of the two numbers that add up to target.
    return {};
  }
};
