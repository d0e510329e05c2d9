/**
 * @param {string[]} grid
 * @return {number}
 */
function numIslands(grid) {
  // Return the number of islands of '1' cells in grid.
  return 0;
}
