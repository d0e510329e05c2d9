#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int numIslands(vector<string>& grid) {
    int rows = grid.size(), cols = grid[0].size();
    vector<vector<bool>> seen(rows, vector<bool>(cols, false));
    const int steps[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    int islands = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (grid[r][c] != '1' || seen[r][c]) continue;
        islands++;
        seen[r][c] = true;
        queue<pair<int, int>> pending;
        pending.push({r, c});
        while (!pending.empty()) {
          auto [i, j] = pending.front();
          pending.pop();
          for (const auto& step : steps) {
            int ni = i + step[0], nj = j + step[1];
            if (ni < 0 || ni >= rows || nj < 0 || nj >= cols) continue;
            if (grid[ni][nj] != '1' || seen[ni][nj]) continue;
            seen[ni][nj] = true;
            pending.push({ni, nj});
          }
        }
      }
    }
    return islands;
  }
};
