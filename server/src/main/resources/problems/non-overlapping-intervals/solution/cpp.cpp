#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int eraseOverlapIntervals(vector<vector<int>>& intervals) {
    sort(intervals.begin(), intervals.end(),
         [](const vector<int>& a, const vector<int>& b) { return a[1] < b[1]; });
    int removed = 0;
    long long lastEnd = LLONG_MIN;  // end of the last interval kept
    for (const auto& interval : intervals) {
      if (interval[0] >= lastEnd) {
        lastEnd = interval[1];
      } else {
        removed++;
      }
    }
    return removed;
  }
};
