function moveZeroes(nums: number[]): number[] {
  // Return nums with every 0 moved to the end, the other values in their order.
  return [];
}
