/**
 * @param {number[]} heights
 * @return {number}
 */
function trap(heights) {
  // Return the total amount of water held between the bars.
  return 0;
}
