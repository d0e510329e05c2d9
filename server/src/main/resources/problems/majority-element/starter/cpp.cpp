#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int majorityElement(vector<int>& nums) {
    // Return the value that occurs more than nums.size() / 2 times.
    return 0;
  }
};
