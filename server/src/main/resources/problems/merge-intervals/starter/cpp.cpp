#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<vector<int>> merge(vector<vector<int>>& intervals) {
    // Return the merged intervals, sorted by start.
    return {};
  }
};
