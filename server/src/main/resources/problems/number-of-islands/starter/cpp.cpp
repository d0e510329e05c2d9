#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int numIslands(vector<string>& grid) {
    // Return the number of islands of '1' cells in grid.
    return 0;
  }
};
