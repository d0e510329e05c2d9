import java.util.*;

class Solution {
  public int[][] kClosest(int[][] points, int k) {
    // The k closest points seen so far, the farthest on top.
    PriorityQueue<int[]> closest =
        new PriorityQueue<>((a, b) -> Integer.compare(distance(b), distance(a)));
    for (int[] point : points) {
      if (closest.size() < k) {
        closest.add(point);
      } else if (distance(point) < distance(closest.peek())) {
        closest.poll();
        closest.add(point);
      }
    }
    return closest.toArray(new int[0][]);
  }

  private static int distance(int[] point) {
    return point[0] * point[0] + point[1] * point[1];
  }
}
