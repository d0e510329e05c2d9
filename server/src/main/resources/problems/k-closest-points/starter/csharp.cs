using System;
using System.Collections.Generic;

public class Solution {
    public int[][] KClosest(int[][] points, int k) {
        // Return the k points closest to the origin, in any order.
        return new int[0][];
    }
}
