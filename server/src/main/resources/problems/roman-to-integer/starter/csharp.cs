using System;
using System.Collections.Generic;

public class Solution {
    public int RomanToInt(string s) {
        // Return the integer value of the Roman numeral s.
        return 0;
    }
}
