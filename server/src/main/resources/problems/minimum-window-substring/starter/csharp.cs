using System;
using System.Collections.Generic;

public class Solution {
    public string MinWindow(string s, string t) {
        // Return the shortest (then leftmost) window of s that contains all letters of t, or "".
        return "";
    }
}
