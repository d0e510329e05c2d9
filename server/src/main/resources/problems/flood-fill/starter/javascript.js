/**
 * @param {number[][]} grid
 * @param {number} row
 * @param {number} col
 * @param {number} color
 * @return {number[][]}
 */
function floodFill(grid, row, col, color) {
  // Repaint the region of (row, col) with color and return the grid.
  return [];
}
