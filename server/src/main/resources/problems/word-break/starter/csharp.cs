using System;
using System.Collections.Generic;

public class Solution {
    public bool WordBreak(string s, string[] words) {
        // Return true if s can be cut into pieces that are all in words.
        return false;
    }
}
