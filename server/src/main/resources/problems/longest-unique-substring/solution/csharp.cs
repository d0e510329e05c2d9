using System;
using System.Collections.Generic;

public class Solution {
    public int LongestUniqueSubstring(string s) {
        var last = new int[128];
        for (int i = 0; i < last.Length; i++) last[i] = -1;
        int left = 0, best = 0;
        for (int right = 0; right < s.Length; right++) {
            char c = s[right];
            if (last[c] >= left) left = last[c] + 1;
            last[c] = right;
            best = Math.Max(best, right - left + 1);
        }
        return best;
    }
}
