function climbStairs(n: number): number {
  // Return the number of ways to climb n steps with moves of one or two steps.
  return 0;
}
