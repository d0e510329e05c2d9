using System;
using System.Collections.Generic;

public class Solution {
    public int OrangesRotting(int[][] grid) {
        // Return the minutes until no fresh orange is left, or -1 if that never happens.
        return 0;
    }
}
