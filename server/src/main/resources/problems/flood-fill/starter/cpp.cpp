#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<vector<int>> floodFill(vector<vector<int>>& grid, int row, int col, int color) {
    // Repaint the region of (row, col) with color and return the grid.
    return {};
  }
};
