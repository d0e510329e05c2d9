using System;
using System.Collections.Generic;

public class Solution {
    public IList<IList<string>> GroupAnagrams(string[] words) {
        var groups = new Dictionary<string, List<string>>();
        foreach (string word in words) {
            char[] letters = word.ToCharArray();
            Array.Sort(letters);
            string key = new string(letters);
            if (!groups.TryGetValue(key, out var group)) {
                group = new List<string>();
                groups[key] = group;
            }
            group.Add(word);
        }
        var sorted = new List<List<string>>(groups.Values);
        foreach (var group in sorted) group.Sort(StringComparer.Ordinal);
        sorted.Sort((a, b) => string.CompareOrdinal(a[0], b[0]));
        return new List<IList<string>>(sorted);
    }
}
