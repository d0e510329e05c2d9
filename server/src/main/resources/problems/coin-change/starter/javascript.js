/**
 * @param {number[]} coins
 * @param {number} amount
 * @return {number}
 */
function coinChange(coins, amount) {
  // Return the fewest coins that add up to amount, or -1 if impossible.
  return 0;
}
