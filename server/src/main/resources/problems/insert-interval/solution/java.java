import java.util.*;

class Solution {
  public int[][] insert(int[][] intervals, int[] newInterval) {
    List<int[]> result = new ArrayList<>();
    int lo = newInterval[0];
    int hi = newInterval[1];
    int i = 0;
    int n = intervals.length;
    while (i < n && intervals[i][1] < lo) {
      result.add(intervals[i]);
      i++;
    }
    while (i < n && intervals[i][0] <= hi) {
      lo = Math.min(lo, intervals[i][0]);
      hi = Math.max(hi, intervals[i][1]);
      i++;
    }
    result.add(new int[] {lo, hi});
    while (i < n) {
      result.add(intervals[i]);
      i++;
    }
    return result.toArray(new int[0][]);
  }
}
