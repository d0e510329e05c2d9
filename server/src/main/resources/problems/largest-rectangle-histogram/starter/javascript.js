/**
 * @param {number[]} heights
 * @return {number}
 */
function largestRectangleArea(heights) {
  // Return the area of the largest rectangle inside the histogram.
  return 0;
}
