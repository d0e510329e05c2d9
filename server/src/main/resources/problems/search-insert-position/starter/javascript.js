/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number}
 */
function searchInsert(nums, target) {
  // Return the index of target, or where it would be inserted to keep nums sorted.
  return -1;
}
