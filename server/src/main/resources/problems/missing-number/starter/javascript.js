/**
 * @param {number[]} nums
 * @return {number}
 */
function missingNumber(nums) {
  // Return the number of 0..n that is absent from nums.
  return 0;
}
