import java.util.*;

class Solution {
  public int[] topKFrequent(int[] nums, int k) {
    // Return the k most frequent values, most frequent first, ties by smaller value.
    return new int[0];
  }
}
