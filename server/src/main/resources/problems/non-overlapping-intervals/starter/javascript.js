/**
 * @param {number[][]} intervals
 * @return {number}
 */
function eraseOverlapIntervals(intervals) {
  // Return the fewest intervals to remove so that the rest do not overlap.
  return 0;
}
