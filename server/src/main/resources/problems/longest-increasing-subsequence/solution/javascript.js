/**
 * @param {number[]} nums
 * @return {number}
 */
function lengthOfLIS(nums) {
  const tails = []; // tails[L - 1]: smallest value ending an increasing subsequence of length L
  for (const x of nums) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x; // appends when lo === tails.length
  }
  return tails.length;
}
