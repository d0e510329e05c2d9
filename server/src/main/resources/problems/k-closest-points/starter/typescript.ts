function kClosest(points: number[][], k: number): number[][] {
  // Return the k points closest to the origin, in any order.
  return [];
}
