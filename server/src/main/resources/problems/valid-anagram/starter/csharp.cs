using System;
using System.Collections.Generic;

public class Solution {
    public bool IsAnagram(string s, string t) {
        // Return true if t is a rearrangement of the letters of s.
        return false;
    }
}
