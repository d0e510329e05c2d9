function numIslands(grid: string[]): number {
  const rows = grid.length;
  const cols = grid[0].length;
  const seen = new Uint8Array(rows * cols);
  const queue = new Int32Array(rows * cols);
  const steps: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1]];
  let islands = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (grid[r][c] !== '1' || seen[r * cols + c]) continue;
      islands++;
      let head = 0;
      let tail = 0;
      seen[r * cols + c] = 1;
      queue[tail++] = r * cols + c;
      while (head < tail) {
        const cell = queue[head++];
        const i = Math.floor(cell / cols);
        const j = cell % cols;
        for (const [di, dj] of steps) {
          const ni = i + di;
          const nj = j + dj;
          if (ni < 0 || ni >= rows || nj < 0 || nj >= cols) continue;
          if (grid[ni][nj] !== '1' || seen[ni * cols + nj]) continue;
          seen[ni * cols + nj] = 1;
          queue[tail++] = ni * cols + nj;
        }
      }
    }
  }
  return islands;
}
