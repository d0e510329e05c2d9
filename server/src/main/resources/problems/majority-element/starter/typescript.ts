function majorityElement(nums: number[]): number {
  // Return the value that occurs more than nums.length / 2 times.
  return 0;
}
