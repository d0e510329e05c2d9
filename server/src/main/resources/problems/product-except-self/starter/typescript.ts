function productExceptSelf(nums: number[]): number[] {
  // Return, for each index, the product of all the other elements.
  return [];
}
