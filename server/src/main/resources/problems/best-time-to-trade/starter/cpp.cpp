#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int maxProfit(vector<int>& prices) {
    // Return the largest profit of one buy followed by a later sell, or 0.
    return 0;
  }
};
