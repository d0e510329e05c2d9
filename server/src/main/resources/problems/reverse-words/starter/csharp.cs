using System;

public class Solution {
    public string ReverseWords(string s) {
        // Return the words of s in reverse order, separated by single spaces.
        return s;
    }
}
