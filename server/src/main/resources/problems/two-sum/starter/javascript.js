/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number[]}
 */
function twoSum(nums, target) {
  // Return the indices of the two numbers that add up to target.
  return [];
}
