using System;
using System.Collections.Generic;

public class Solution {
    public bool IsPalindrome(string s) {
        int left = 0;
        int right = s.Length - 1;
        while (left < right) {
            char a = s[left];
            char b = s[right];
            if (!char.IsLetterOrDigit(a)) {
                left++;
            } else if (!char.IsLetterOrDigit(b)) {
                right--;
            } else if (char.ToLowerInvariant(a) != char.ToLowerInvariant(b)) {
                return false;
            } else {
                left++;
                right--;
            }
        }
        return true;
    }
}
