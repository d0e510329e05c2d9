function insert(intervals: number[][], newInterval: number[]): number[][] {
  // Return the intervals with newInterval added and merged, sorted by start.
  return [];
}
