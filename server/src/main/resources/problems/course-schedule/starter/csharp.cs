using System;
using System.Collections.Generic;

public class Solution {
    public bool CanFinish(int numCourses, int[][] prerequisites) {
        // Return true if every course can be completed in some order.
        return false;
    }
}
