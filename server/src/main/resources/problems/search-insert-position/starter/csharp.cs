using System;
using System.Collections.Generic;

public class Solution {
    public int SearchInsert(int[] nums, int target) {
        // Return the index of target, or where it would be inserted to keep nums sorted.
        return -1;
    }
}
