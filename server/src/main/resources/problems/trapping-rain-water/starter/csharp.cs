using System;
using System.Collections.Generic;

public class Solution {
    public int Trap(int[] heights) {
        // Return the total amount of water held between the bars.
        return 0;
    }
}
