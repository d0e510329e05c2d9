function twoSum(nums: number[], target: number): number[] {
  // Return the indices of the two numbers that add up to target.
  return [];
}
