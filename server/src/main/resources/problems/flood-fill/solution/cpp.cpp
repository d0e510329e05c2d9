#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<vector<int>> floodFill(vector<vector<int>>& grid, int row, int col, int color) {
    int old = grid[row][col];
    if (old == color) {
      return grid;
    }
    int rows = grid.size();
    int cols = grid[0].size();
    const int steps[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    grid[row][col] = color;
    queue<pair<int, int>> pending;
    pending.push({row, col});
    while (!pending.empty()) {
      auto [r, c] = pending.front();
      pending.pop();
      for (const auto& step : steps) {
        int nr = r + step[0];
        int nc = c + step[1];
        if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] == old) {
          grid[nr][nc] = color;
          pending.push({nr, nc});
        }
      }
    }
    return grid;
  }
};
