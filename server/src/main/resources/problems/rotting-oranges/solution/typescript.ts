function orangesRotting(grid: number[][]): number {
  const rows = grid.length;
  const cols = grid[0].length;
  const state = grid.map((row) => [...row]);
  let level: [number, number][] = [];
  let fresh = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (state[r][c] === 2) level.push([r, c]);
      else if (state[r][c] === 1) fresh++;
    }
  }
  const steps: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1]];
  let minutes = 0;
  while (level.length > 0 && fresh > 0) {
    const following: [number, number][] = [];
    for (const [r, c] of level) {
      for (const [dr, dc] of steps) {
        const i = r + dr;
        const j = c + dc;
        if (i >= 0 && i < rows && j >= 0 && j < cols && state[i][j] === 1) {
          state[i][j] = 2;
          fresh--;
          following.push([i, j]);
        }
      }
    }
    level = following;
    minutes++;
  }
  return fresh === 0 ? minutes : -1;
}
