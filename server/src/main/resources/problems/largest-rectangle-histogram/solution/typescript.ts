function largestRectangleArea(heights: number[]): number {
  // Areas stay below 2^53 (at most 10^9 * 10^5), so numbers hold them exactly.
  const n = heights.length;
  let best = 0;
  const rising: number[] = []; // indices of bars with strictly increasing heights
  for (let i = 0; i <= n; i++) {
    const h = i < n ? heights[i] : 0; // a final bar of height 0 empties the stack
    while (rising.length > 0 && heights[rising[rising.length - 1]] >= h) {
      const top = rising.pop()!;
      const left = rising.length > 0 ? rising[rising.length - 1] : -1;
      best = Math.max(best, heights[top] * (i - left - 1));
    }
    rising.push(i);
  }
  return best;
}
