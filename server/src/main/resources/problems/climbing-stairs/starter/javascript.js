/**
 * @param {number} n
 * @return {number}
 */
function climbStairs(n) {
  // Return the number of ways to climb n steps with moves of one or two steps.
  return 0;
}
