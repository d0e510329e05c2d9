function floodFill(grid: number[][], row: number, col: number, color: number): number[][] {
  // Repaint the region of (row, col) with color and return the grid.
  return [];
}
