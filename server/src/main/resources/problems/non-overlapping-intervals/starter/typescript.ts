function eraseOverlapIntervals(intervals: number[][]): number {
  // Return the fewest intervals to remove so that the rest do not overlap.
  return 0;
}
