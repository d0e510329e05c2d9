using System;
using System.Collections.Generic;

public class Solution {
    private static readonly Dictionary<char, int> Values = new Dictionary<char, int> {
        ['I'] = 1, ['V'] = 5, ['X'] = 10, ['L'] = 50, ['C'] = 100, ['D'] = 500, ['M'] = 1000,
    };

    public int RomanToInt(string s) {
        int total = 0;
        for (int i = 0; i < s.Length; i++) {
            int value = Values[s[i]];
            if (i + 1 < s.Length && Values[s[i + 1]] > value) total -= value;
            else total += value;
        }
        return total;
    }
}
