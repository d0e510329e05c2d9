function numIslands(grid: string[]): number {
  // Return the number of islands of '1' cells in grid.
  return 0;
}
