using System;
using System.Collections.Generic;

public class Solution {
    public int MinPrintSpeed(int[] stacks, int h) {
        int lo = 1, hi = 1;
        foreach (int p in stacks) hi = Math.Max(hi, p);
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (Hours(stacks, mid) <= h) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static long Hours(int[] stacks, int k) {
        long total = 0;
        foreach (int p in stacks) total += (p + (long) k - 1) / k;
        return total;
    }
}
