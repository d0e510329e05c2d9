import java.util.*;

class Solution {
  public int minPrintSpeed(int[] stacks, int h) {
    int lo = 1;
    int hi = Arrays.stream(stacks).max().getAsInt();
    while (lo < hi) {
      int mid = lo + (hi - lo) / 2;
      if (hours(stacks, mid) <= h) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static long hours(int[] stacks, int k) {
    long total = 0;
    for (int p : stacks) {
      total += (p + (long) k - 1) / k;
    }
    return total;
  }
}
