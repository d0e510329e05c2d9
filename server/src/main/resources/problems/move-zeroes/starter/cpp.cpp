#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<int> moveZeroes(vector<int>& nums) {
    // Return nums with every 0 moved to the end, the other values in their order.
    return {};
  }
};
