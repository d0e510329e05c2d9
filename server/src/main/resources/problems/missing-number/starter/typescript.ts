function missingNumber(nums: number[]): number {
  // Return the number of 0..n that is absent from nums.
  return 0;
}
