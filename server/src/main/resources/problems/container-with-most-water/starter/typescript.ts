function maxArea(heights: number[]): number {
  // Return the most water that two of the walls can hold.
  return 0;
}
