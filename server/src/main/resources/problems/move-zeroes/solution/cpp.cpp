#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<int> moveZeroes(vector<int>& nums) {
    size_t write = 0;
    for (int value : nums) {
      if (value != 0) nums[write++] = value;
    }
    fill(nums.begin() + write, nums.end(), 0);
    return nums;
  }
};
