#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<vector<int>> merge(vector<vector<int>>& intervals) {
    sort(intervals.begin(), intervals.end(),
         [](const vector<int>& a, const vector<int>& b) { return a[0] < b[0]; });
    vector<vector<int>> merged;
    for (const auto& interval : intervals) {
      if (!merged.empty() && interval[0] <= merged.back()[1]) {
        merged.back()[1] = max(merged.back()[1], interval[1]);
      } else {
        merged.push_back({interval[0], interval[1]});
      }
    }
    return merged;
  }
};
