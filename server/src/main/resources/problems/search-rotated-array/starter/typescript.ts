function search(nums: number[], target: number): number {
  // Return the index of target in nums, or -1 if it is not there.
  return -2;
}
