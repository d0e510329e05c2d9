using System;
using System.Collections.Generic;

public class Solution {
    public string MinWindow(string s, string t) {
        var need = new int[128]; // copies the window still needs; negative: surplus copies
        foreach (char c in t) need[c]++;
        int missing = t.Length; // total of the positive needs
        int bestStart = 0, bestLength = s.Length + 1;
        int left = 0;
        for (int right = 0; right < s.Length; right++) {
            if (need[s[right]]-- > 0) missing--;
            while (missing == 0) {
                if (right - left + 1 < bestLength) {
                    bestStart = left;
                    bestLength = right - left + 1;
                }
                if (++need[s[left]] > 0) missing++;
                left++;
            }
        }
        return bestLength <= s.Length ? s.Substring(bestStart, bestLength) : "";
    }
}
