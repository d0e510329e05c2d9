using System;
using System.Collections.Generic;

public class Solution {
    public int NumIslands(string[] grid) {
        // Return the number of islands of '1' cells in grid.
        return 0;
    }
}
