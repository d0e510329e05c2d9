function trap(heights: number[]): number {
  // Return the total amount of water held between the bars.
  return 0;
}
