/**
 * @param {number[][]} grid
 * @return {number}
 */
function orangesRotting(grid) {
  // Return the minutes until no fresh orange is left, or -1 if that never happens.
  return 0;
}
