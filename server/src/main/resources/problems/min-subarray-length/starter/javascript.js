/**
 * @param {number} target
 * @param {number[]} nums
 * @return {number}
 */
function minSubArrayLen(target, nums) {
  // Return the length of the shortest subarray with sum >= target, or 0.
  return -1;
}
