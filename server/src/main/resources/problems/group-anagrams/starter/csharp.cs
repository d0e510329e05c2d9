using System;
using System.Collections.Generic;

public class Solution {
    public IList<IList<string>> GroupAnagrams(string[] words) {
        // Return the groups of anagrams: each group sorted, groups sorted by first word.
        return new List<IList<string>>();
    }
}
