/**
 * @param {number[]} stacks
 * @param {number} h
 * @return {number}
 */
function minPrintSpeed(stacks, h) {
  const hours = (k) => {
    let total = 0;
    for (const p of stacks) total += Math.ceil(p / k);
    return total;
  };
  let lo = 1;
  let hi = stacks.reduce((a, b) => Math.max(a, b));
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (hours(mid) <= h) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
