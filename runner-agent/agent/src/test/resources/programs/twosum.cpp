#include <bits/stdc++.h>
using namespace std;

class Solution {
 public:
  vector<int> twoSum(vector<int>& nums, int target) {
    cout << "checking " << nums.size() << " numbers" << endl;
    unordered_map<int, int> seen;
    for (int i = 0; i < (int) nums.size(); i++) {
      auto it = seen.find(target - nums[i]);
      if (it != seen.end()) return {it->second, i};
      seen[nums[i]] = i;
    }
    return {};
  }
};
