function findKthLargest(nums: number[], k: number): number {
  // Return the k-th largest element of nums.
  return 0;
}
