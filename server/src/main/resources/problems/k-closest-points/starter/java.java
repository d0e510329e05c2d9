import java.util.*;

class Solution {
  public int[][] kClosest(int[][] points, int k) {
    // Return the k points closest to the origin, in any order.
    return new int[0][];
  }
}
