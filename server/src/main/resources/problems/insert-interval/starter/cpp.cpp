#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<vector<int>> insert(vector<vector<int>>& intervals, vector<int>& newInterval) {
    // Return the intervals with newInterval added and merged, sorted by start.
    return {};
  }
};
