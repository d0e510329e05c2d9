/**
 * @param {number[]} prices
 * @return {number}
 */
function maxProfit(prices) {
  // Return the largest profit of one buy followed by a later sell, or 0.
  return 0;
}
