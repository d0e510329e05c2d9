#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<int> productExceptSelf(vector<int>& nums) {
    // Return, for each index, the product of all the other elements.
    return {};
  }
};
