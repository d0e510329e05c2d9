function minPrintSpeed(stacks: number[], h: number): number {
  const hours = (k: number): number => {
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
