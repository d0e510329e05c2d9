#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int missingNumber(vector<int>& nums) {
    // Return the number of 0..n that is absent from nums.
    return 0;
  }
};
