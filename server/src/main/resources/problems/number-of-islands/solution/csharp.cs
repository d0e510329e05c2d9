using System;
using System.Collections.Generic;

public class Solution {
    private static readonly int[,] Steps = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };

    public int NumIslands(string[] grid) {
        int rows = grid.Length, cols = grid[0].Length;
        var seen = new bool[rows, cols];
        var queue = new Queue<int[]>();
        int islands = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (grid[r][c] != '1' || seen[r, c]) continue;
                islands++;
                seen[r, c] = true;
                queue.Enqueue(new[] { r, c });
                while (queue.Count > 0) {
                    int[] cell = queue.Dequeue();
                    for (int k = 0; k < 4; k++) {
                        int i = cell[0] + Steps[k, 0], j = cell[1] + Steps[k, 1];
                        if (i < 0 || i >= rows || j < 0 || j >= cols) continue;
                        if (grid[i][j] != '1' || seen[i, j]) continue;
                        seen[i, j] = true;
                        queue.Enqueue(new[] { i, j });
                    }
                }
            }
        }
        return islands;
    }
}
