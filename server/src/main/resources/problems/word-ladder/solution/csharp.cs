using System;
using System.Collections.Generic;

public class Solution {
    public int LadderLength(string beginWord, string endWord, string[] wordList) {
        if (Array.IndexOf(wordList, endWord) < 0) return 0;
        // Words that differ in one position share the pattern with '*' at that position.
        var byPattern = new Dictionary<string, List<string>>();
        foreach (string word in wordList) {
            for (int i = 0; i < word.Length; i++) {
                string pattern = Pattern(word, i);
                List<string> group;
                if (!byPattern.TryGetValue(pattern, out group)) {
                    group = new List<string>();
                    byPattern[pattern] = group;
                }
                group.Add(word);
            }
        }
        var seen = new HashSet<string> { beginWord };
        var level = new List<string> { beginWord };
        for (int length = 1; level.Count > 0; length++) {
            var next = new List<string>();
            foreach (string word in level) {
                for (int i = 0; i < word.Length; i++) {
                    string pattern = Pattern(word, i);
                    List<string> group;
                    if (!byPattern.TryGetValue(pattern, out group)) continue;
                    // Every word of this group is queued now, so the group is never read again.
                    byPattern.Remove(pattern);
                    foreach (string neighbour in group) {
                        if (neighbour == endWord) return length + 1;
                        if (seen.Add(neighbour)) next.Add(neighbour);
                    }
                }
            }
            level = next;
        }
        return 0;
    }

    private static string Pattern(string word, int i) {
        return word.Substring(0, i) + "*" + word.Substring(i + 1);
    }
}
