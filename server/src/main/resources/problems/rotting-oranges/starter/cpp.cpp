#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int orangesRotting(vector<vector<int>>& grid) {
    // Return the minutes until no fresh orange is left, or -1 if that never happens.
    return 0;
  }
};
