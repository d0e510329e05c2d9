/**
 * @param {number[]} stones
 * @return {number}
 */
function lastStoneWeight(stones) {
  // Return the weight of the last stone left, or 0 if none is left.
  return 0;
}
