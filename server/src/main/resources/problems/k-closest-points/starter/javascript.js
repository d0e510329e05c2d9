/**
 * @param {number[][]} points
 * @param {number} k
 * @return {number[][]}
 */
function kClosest(points, k) {
  // Return the k points closest to the origin, in any order.
  return [];
}
