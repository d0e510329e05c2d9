using System;
using System.Collections.Generic;

public class Solution {
    public int LongestValidParentheses(string s) {
        // Return the length of the longest balanced substring of s.
        return -1;
    }
}
