function climbStairs(n: number): number {
  // Every count up to n = 75 is below 2^53, so a number holds it exactly.
  let before = 1; // ways to reach step 0
  let current = 1; // ways to reach step 1
  for (let i = 1; i < n; i++) {
    [before, current] = [current, before + current];
  }
  return current;
}
