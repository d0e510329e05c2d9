function moveZeroes(nums: number[]): number[] {
  let write = 0;
  for (const value of nums) {
    if (value !== 0) nums[write++] = value;
  }
  nums.fill(0, write);
  return nums;
}
