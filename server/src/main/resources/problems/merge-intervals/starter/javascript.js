/**
 * @param {number[][]} intervals
 * @return {number[][]}
 */
function merge(intervals) {
  // Return the merged intervals, sorted by start.
  return [];
}
