function merge(intervals: number[][]): number[][] {
  // Return the merged intervals, sorted by start.
  return [];
}
