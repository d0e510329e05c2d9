function floodFill(grid: number[][], row: number, col: number, color: number): number[][] {
  const old = grid[row][col];
  if (old === color) {
    return grid;
  }
  const rows = grid.length;
  const cols = grid[0].length;
  const steps: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1]];
  grid[row][col] = color;
  const queue: [number, number][] = [[row, col]];
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
