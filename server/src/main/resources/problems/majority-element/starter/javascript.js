/**
 * @param {number[]} nums
 * @return {number}
 */
function majorityElement(nums) {
  // Return the value that occurs more than nums.length / 2 times.
  return 0;
}
