/**
 * @param {number[][]} intervals
 * @param {number[]} newInterval
 * @return {number[][]}
 */
function insert(intervals, newInterval) {
  // Return the intervals with newInterval added and merged, sorted by start.
  return [];
}
