#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int lastStoneWeight(vector<int>& stones) {
    // Return the weight of the last stone left, or 0 if none is left.
    return 0;
  }
};
