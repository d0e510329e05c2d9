import java.util.*;

class Solution {
  private static final int[][] STEPS = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};

  public int numIslands(String[] grid) {
    int rows = grid.length;
    int cols = grid[0].length();
    boolean[][] seen = new boolean[rows][cols];
    ArrayDeque<int[]> queue = new ArrayDeque<>();
    int islands = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (grid[r].charAt(c) != '1' || seen[r][c]) {
          continue;
        }
        islands++;
        seen[r][c] = true;
        queue.add(new int[] {r, c});
        while (!queue.isEmpty()) {
          int[] cell = queue.poll();
          for (int[] step : STEPS) {
            int i = cell[0] + step[0];
            int j = cell[1] + step[1];
            if (i >= 0 && i < rows && j >= 0 && j < cols
                && grid[i].charAt(j) == '1' && !seen[i][j]) {
              seen[i][j] = true;
              queue.add(new int[] {i, j});
            }
          }
        }
      }
    }
    return islands;
  }
}
