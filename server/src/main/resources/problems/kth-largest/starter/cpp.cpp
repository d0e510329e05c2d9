#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int findKthLargest(vector<int>& nums, int k) {
    // Return the k-th largest element of nums.
    return 0;
  }
};
