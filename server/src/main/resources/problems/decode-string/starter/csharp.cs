using System;
using System.Collections.Generic;

public class Solution {
    public string DecodeString(string s) {
        // Return s with every k[text] replaced by text repeated k times.
        return "";
    }
}
