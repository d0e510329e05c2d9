using System;
using System.Collections.Generic;

public class Solution {
    public bool IsBalanced(string s) {
        // Return true if every bracket in s is closed by one of its kind, properly nested.
        return false;
    }
}
