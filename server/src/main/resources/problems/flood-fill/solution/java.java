import java.util.*;

class Solution {
  private static final int[][] STEPS = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};

  public int[][] floodFill(int[][] grid, int row, int col, int color) {
    int old = grid[row][col];
    if (old == color) {
      return grid;
    }
    int rows = grid.length;
    int cols = grid[0].length;
    grid[row][col] = color;
    ArrayDeque<int[]> queue = new ArrayDeque<>();
    queue.add(new int[] {row, col});
    while (!queue.isEmpty()) {
      int[] cell = queue.poll();
      for (int[] step : STEPS) {
        int r = cell[0] + step[0];
        int c = cell[1] + step[1];
        if (r >= 0 && r < rows && c >= 0 && c < cols && grid[r][c] == old) {
          grid[r][c] = color;
          queue.add(new int[] {r, c});
        }
      }
    }
    return grid;
  }
}
