function maxProfit(prices: number[]): number {
  // Return the largest profit of one buy followed by a later sell, or 0.
  return 0;
}
