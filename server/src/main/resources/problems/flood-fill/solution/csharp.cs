using System;
using System.Collections.Generic;

public class Solution {
    private static readonly int[,] Steps = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };

    public int[][] FloodFill(int[][] grid, int row, int col, int color) {
        int old = grid[row][col];
        if (old == color) {
            return grid;
        }
        int rows = grid.Length;
        int cols = grid[0].Length;
        grid[row][col] = color;
        var queue = new Queue<(int Row, int Col)>();
        queue.Enqueue((row, col));
        while (queue.Count > 0) {
            var (r, c) = queue.Dequeue();
            for (int s = 0; s < 4; s++) {
                int nr = r + Steps[s, 0];
                int nc = c + Steps[s, 1];
                if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] == old) {
                    grid[nr][nc] = color;
                    queue.Enqueue((nr, nc));
                }
            }
        }
        return grid;
    }
}
