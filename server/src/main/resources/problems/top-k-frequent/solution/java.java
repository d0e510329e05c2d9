import java.util.*;

class Solution {
  public int[] topKFrequent(int[] nums, int k) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int x : nums) {
      counts.merge(x, 1, Integer::sum);
    }
    // The worst kept value on top: the lowest count, then the largest value.
    Comparator<Integer> worstFirst =
        Comparator.<Integer>comparingInt(counts::get).thenComparing(Comparator.reverseOrder());
    PriorityQueue<Integer> best = new PriorityQueue<>(k + 1, worstFirst);
    for (int value : counts.keySet()) {
      best.add(value);
      if (best.size() > k) {
        best.poll();
      }
    }
    int[] result = new int[k];
    for (int i = k - 1; i >= 0; i--) {
      result[i] = best.poll();
    }
    return result;
  }
}
