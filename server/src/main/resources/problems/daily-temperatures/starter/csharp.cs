using System;
using System.Collections.Generic;

public class Solution {
    public int[] DailyTemperatures(int[] temperatures) {
        // For each day, return how many days later a strictly warmer day comes (0 if none).
        return new int[0];
    }
}
