#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<vector<int>> insert(vector<vector<int>>& intervals, vector<int>& newInterval) {
    vector<vector<int>> result;
    int lo = newInterval[0];
    int hi = newInterval[1];
    size_t i = 0;
    size_t n = intervals.size();
    while (i < n && intervals[i][1] < lo) {
      result.push_back(intervals[i]);
      i++;
    }
    while (i < n && intervals[i][0] <= hi) {
      lo = min(lo, intervals[i][0]);
      hi = max(hi, intervals[i][1]);
      i++;
    }
    result.push_back({lo, hi});
    while (i < n) {
      result.push_back(intervals[i]);
      i++;
    }
    return result;
  }
};
