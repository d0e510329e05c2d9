function topKFrequent(nums: number[], k: number): number[] {
  // Return the k most frequent values, most frequent first, ties by smaller value.
  return [];
}
