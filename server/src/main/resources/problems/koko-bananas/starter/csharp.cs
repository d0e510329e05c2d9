using System;
using System.Collections.Generic;

public class Solution {
    public int MinPrintSpeed(int[] stacks, int h) {
        // Return the smallest speed k that prints every stack within h hours.
        return 0;
    }
}
