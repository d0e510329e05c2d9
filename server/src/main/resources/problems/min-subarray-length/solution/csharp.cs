using System;
using System.Collections.Generic;

public class Solution {
    public int MinSubArrayLen(int target, int[] nums) {
        int best = nums.Length + 1, total = 0, left = 0;
        for (int right = 0; right < nums.Length; right++) {
            total += nums[right];
            while (total >= target) {
                best = Math.Min(best, right - left + 1);
                total -= nums[left++];
            }
        }
        return best <= nums.Length ? best : 0;
    }
}
