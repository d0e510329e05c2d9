function largestRectangleArea(heights: number[]): number {
  // Return the area of the largest rectangle inside the histogram.
  return 0;
}
