import java.util.*;

class Solution {
  private static final int[][] STEPS = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};

  public int orangesRotting(int[][] grid) {
    int rows = grid.length;
    int cols = grid[0].length;
    int[][] state = new int[rows][];
    ArrayDeque<int[]> queue = new ArrayDeque<>();
    int fresh = 0;
    for (int r = 0; r < rows; r++) {
      state[r] = grid[r].clone();
      for (int c = 0; c < cols; c++) {
        if (state[r][c] == 2) {
          queue.add(new int[] {r, c});
        } else if (state[r][c] == 1) {
          fresh++;
        }
      }
    }
    int minutes = 0;
    while (!queue.isEmpty() && fresh > 0) {
      for (int size = queue.size(); size > 0; size--) {
        int[] cell = queue.poll();
        for (int[] step : STEPS) {
          int i = cell[0] + step[0];
          int j = cell[1] + step[1];
          if (i >= 0 && i < rows && j >= 0 && j < cols && state[i][j] == 1) {
            state[i][j] = 2;
            fresh--;
            queue.add(new int[] {i, j});
          }
        }
      }
      minutes++;
    }
    return fresh == 0 ? minutes : -1;
  }
}
