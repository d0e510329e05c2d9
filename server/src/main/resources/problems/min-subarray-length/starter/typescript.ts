function minSubArrayLen(target: number, nums: number[]): number {
  // Return the length of the shortest subarray with sum >= target, or 0.
  return -1;
}
