/**
 * @param {number[]} nums
 * @return {number}
 */
function lengthOfLIS(nums) {
  // Return the length of the longest strictly increasing subsequence of nums.
  return 0;
}
