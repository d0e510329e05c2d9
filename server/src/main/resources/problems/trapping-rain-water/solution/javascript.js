/**
 * @param {number[]} heights
 * @return {number}
 */
function trap(heights) {
  let left = 0;
  let right = heights.length - 1;
  let leftMax = 0;
  let rightMax = 0;
  let water = 0;
  while (left <= right) {
    leftMax = Math.max(leftMax, heights[left]);
    rightMax = Math.max(rightMax, heights[right]);
    if (leftMax <= rightMax) {
      water += leftMax - heights[left];
      left++;
    } else {
      water += rightMax - heights[right];
      right--;
    }
  }
  return water;
}
