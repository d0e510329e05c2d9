using System;
using System.Collections.Generic;

public class Solution {
    private static readonly int[,] Steps = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };

    public int OrangesRotting(int[][] grid) {
        int rows = grid.Length, cols = grid[0].Length;
        var state = new int[rows][];
        var queue = new Queue<int[]>();
        int fresh = 0;
        for (int r = 0; r < rows; r++) {
            state[r] = (int[]) grid[r].Clone();
            for (int c = 0; c < cols; c++) {
                if (state[r][c] == 2) queue.Enqueue(new[] { r, c });
                else if (state[r][c] == 1) fresh++;
            }
        }
        int minutes = 0;
        while (queue.Count > 0 && fresh > 0) {
            for (int size = queue.Count; size > 0; size--) {
                int[] cell = queue.Dequeue();
                for (int k = 0; k < 4; k++) {
                    int i = cell[0] + Steps[k, 0], j = cell[1] + Steps[k, 1];
                    if (i >= 0 && i < rows && j >= 0 && j < cols && state[i][j] == 1) {
                        state[i][j] = 2;
                        fresh--;
                        queue.Enqueue(new[] { i, j });
                    }
                }
            }
            minutes++;
        }
        return fresh == 0 ? minutes : -1;
    }
}
