#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int eraseOverlapIntervals(vector<vector<int>>& intervals) {
    // Return the fewest intervals to remove so that the rest do not overlap.
    return 0;
  }
};
