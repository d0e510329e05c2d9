#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int minSubArrayLen(int target, vector<int>& nums) {
    int n = nums.size();
    int best = n + 1, total = 0, left = 0;
    for (int right = 0; right < n; right++) {
      total += nums[right];
      while (total >= target) {
        best = min(best, right - left + 1);
        total -= nums[left++];
      }
    }
    return best <= n ? best : 0;
  }
};
