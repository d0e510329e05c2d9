#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int searchInsert(vector<int>& nums, int target) {
    // Return the index of target, or where it would be inserted to keep nums sorted.
    return -1;
  }
};
