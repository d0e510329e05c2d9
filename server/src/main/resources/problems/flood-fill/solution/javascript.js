/**
 * @param {number[][]} grid
 * @param {number} row
 * @param {number} col
 * @param {number} color
 * @return {number[][]}
 */
function floodFill(grid, row, col, color) {
  const old = grid[row][col];
  if (old === color) {
    return grid;
  }
  const rows = grid.length;
  const cols = grid[0].length;
  const steps = [[1, 0], [-1, 0], [0, 1], [0, -1]];
  grid[row][col] = color;
  const queue = [[row, col]];
  for (let head = 0; head < queue.length; head++) {
    const [r, c] = queue[head];
    for (const [dr, dc] of steps) {
      const nr = r + dr;
      const nc = c + dc;
      if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] === old) {
        grid[nr][nc] = color;
        queue.push([nr, nc]);
      }
    }
  }
  return grid;
}
