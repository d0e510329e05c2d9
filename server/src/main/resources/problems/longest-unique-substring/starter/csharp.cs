using System;
using System.Collections.Generic;

public class Solution {
    public int LongestUniqueSubstring(string s) {
        // Return the length of the longest substring of s with no repeated character.
        return 0;
    }
}
