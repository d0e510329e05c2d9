function twoSum(nums: number[], target: number): number[] {
  console.log(`checking ${nums.length} numbers`);
  const seen = new Map<number, number>();
  for (let i = 0; i < nums.length; i++) {
    const other = seen.get(target - nums[i]);
    if (other !== undefined) return [other, i];
    seen.set(nums[i], i);
  }
  return [];
}
