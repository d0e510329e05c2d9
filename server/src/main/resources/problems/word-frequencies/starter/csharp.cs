using System;
using System.Collections.Generic;

public class Solution {
    public Dictionary<string, int> WordFrequencies(string text) {
        // Return a map from each lower-case word to its number of occurrences.
        return new Dictionary<string, int>();
    }
}
