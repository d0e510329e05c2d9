using System;
using System.Collections.Generic;

public class Solution {
    public int[] TopKFrequent(int[] nums, int k) {
        var counts = new Dictionary<int, int>();
        foreach (int x in nums) {
            counts.TryGetValue(x, out int c);
            counts[x] = c + 1;
        }
        // The best k (count, value) pairs, ordered best first: higher count, then smaller value.
        // Its Max is the worst pair kept, removed when the set grows past k.
        var best = new SortedSet<(int count, int value)>(Comparer<(int count, int value)>.Create(
            (a, b) => a.count != b.count ? b.count.CompareTo(a.count) : a.value.CompareTo(b.value)));
        foreach (var entry in counts) {
            best.Add((entry.Value, entry.Key));
            if (best.Count > k) best.Remove(best.Max);
        }
        var result = new int[k];
        int i = 0;
        foreach (var pair in best) result[i++] = pair.value;
        return result;
    }
}
