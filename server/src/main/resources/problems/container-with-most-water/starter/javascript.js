/**
 * @param {number[]} heights
 * @return {number}
 */
function maxArea(heights) {
  // Return the most water that two of the walls can hold.
  return 0;
}
