#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int orangesRotting(vector<vector<int>>& grid) {
    int rows = grid.size(), cols = grid[0].size();
    vector<vector<int>> state = grid;
    queue<pair<int, int>> pending;
    int fresh = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (state[r][c] == 2) pending.push({r, c});
        else if (state[r][c] == 1) fresh++;
      }
    }
    const int steps[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    int minutes = 0;
    while (!pending.empty() && fresh > 0) {
      for (size_t size = pending.size(); size > 0; size--) {
        auto [r, c] = pending.front();
        pending.pop();
        for (const auto& step : steps) {
          int i = r + step[0], j = c + step[1];
          if (i >= 0 && i < rows && j >= 0 && j < cols && state[i][j] == 1) {
            state[i][j] = 2;
            fresh--;
            pending.push({i, j});
          }
        }
      }
      minutes++;
    }
    return fresh == 0 ? minutes : -1;
  }
};
