/**
 * @param {number[]} nums
 * @return {number[]}
 */
function moveZeroes(nums) {
  // Return nums with every 0 moved to the end, the other values in their order.
  return [];
}
