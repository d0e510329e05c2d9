function lengthOfLIS(nums: number[]): number {
  // Return the length of the longest strictly increasing subsequence of nums.
  return 0;
}
