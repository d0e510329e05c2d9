using System;
using System.Collections.Generic;

public class Solution {
    public bool IsPalindrome(string s) {
        // Return true if s reads the same both ways, counting only letters and digits, ignoring case.
        return false;
    }
}
