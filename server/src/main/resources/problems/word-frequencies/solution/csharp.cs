using System;
using System.Collections.Generic;
using System.Text;

public class Solution {
    public Dictionary<string, int> WordFrequencies(string text) {
        var counts = new Dictionary<string, int>();
        var word = new StringBuilder();
        foreach (char c in text + " ") {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                word.Append(char.ToLowerInvariant(c));
            } else if (word.Length > 0) {
                string w = word.ToString();
                counts.TryGetValue(w, out int n);
                counts[w] = n + 1;
                word.Clear();
            }
        }
        return counts;
    }
}
