/**
 * @param {number[]} nums
 * @return {number[]}
 */
function productExceptSelf(nums) {
  // Return, for each index, the product of all the other elements.
  return [];
}
