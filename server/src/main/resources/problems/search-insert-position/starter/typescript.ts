function searchInsert(nums: number[], target: number): number {
  // Return the index of target, or where it would be inserted to keep nums sorted.
  return -1;
}
