#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int missingNumber(vector<int>& nums) {
    long long n = static_cast<long long>(nums.size());
    long long total = n * (n + 1) / 2;
    for (int x : nums) {
      total -= x;
    }
    return static_cast<int>(total);
  }
};
