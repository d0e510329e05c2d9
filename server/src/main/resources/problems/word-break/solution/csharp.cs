using System;
using System.Collections.Generic;

public class Solution {
    public bool WordBreak(string s, string[] words) {
        var dictionary = new HashSet<string>(words);
        int longest = 0;
        foreach (string word in words) longest = Math.Max(longest, word.Length);
        int n = s.Length;
        var ok = new bool[n + 1]; // ok[i]: the first i letters can be split into words
        ok[0] = true;
        for (int i = 1; i <= n; i++) {
            for (int length = 1; length <= Math.Min(longest, i); length++) {
                if (ok[i - length] && dictionary.Contains(s.Substring(i - length, length))) {
                    ok[i] = true;
                    break;
                }
            }
        }
        return ok[n];
    }
}
