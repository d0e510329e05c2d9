function maxSlidingWindow(nums: number[], k: number): number[] {
  // Return the maximum of each window of width k, from left to right.
  return [];
}
