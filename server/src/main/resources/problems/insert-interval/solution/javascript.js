/**
 * @param {number[][]} intervals
 * @param {number[]} newInterval
 * @return {number[][]}
 */
function insert(intervals, newInterval) {
  const result = [];
  let [lo, hi] = newInterval;
  let i = 0;
  while (i < intervals.length && intervals[i][1] < lo) {
    result.push(intervals[i]);
    i++;
  }
  while (i < intervals.length && intervals[i][0] <= hi) {
    lo = Math.min(lo, intervals[i][0]);
    hi = Math.max(hi, intervals[i][1]);
    i++;
  }
  result.push([lo, hi]);
  for (; i < intervals.length; i++) {
    result.push(intervals[i]);
  }
  return result;
}
