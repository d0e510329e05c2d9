using System;
using System.Collections.Generic;

public class Solution {
    public int[] TopKFrequent(int[] nums, int k) {
        // Return the k most frequent values, most frequent first, ties by smaller value.
        return new int[0];
    }
}
