using System;
using System.Collections.Generic;

public class Solution {
    public int[][] FloodFill(int[][] grid, int row, int col, int color) {
        // Repaint the region of (row, col) with color and return the grid.
        return new int[0][];
    }
}
