#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int maxArea(vector<int>& heights) {
    // Return the most water that two of the walls can hold.
    return 0;
  }
};
