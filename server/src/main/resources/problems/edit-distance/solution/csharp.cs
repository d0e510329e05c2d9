using System;
using System.Collections.Generic;

public class Solution {
    public int MinDistance(string a, string b) {
        if (a.Length < b.Length) {
            var t = a; // the rows run over the shorter word
            a = b;
            b = t;
        }
        int m = b.Length;
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (int j = 0; j <= m; j++) previous[j] = j; // distances from the empty prefix of a
        for (int i = 1; i <= a.Length; i++) {
            current[0] = i;
            for (int j = 1; j <= m; j++) {
                if (a[i - 1] == b[j - 1]) current[j] = previous[j - 1];
                else current[j] = 1 + Math.Min(previous[j - 1], Math.Min(previous[j], current[j - 1]));
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[m];
    }
}
