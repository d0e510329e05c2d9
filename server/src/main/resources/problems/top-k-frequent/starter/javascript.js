/**
 * @param {number[]} nums
 * @param {number} k
 * @return {number[]}
 */
function topKFrequent(nums, k) {
  // Return the k most frequent values, most frequent first, ties by smaller value.
  return [];
}
