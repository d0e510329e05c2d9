using System;
using System.Collections.Generic;

public class Solution {
  public int[] TwoSum(int[] nums, int target) {
    Console.WriteLine("checking " + nums.Length + " numbers");
    var seen = new Dictionary<int, int>();
    for (int i = 0; i < nums.Length; i++) {
      int other;
      if (seen.TryGetValue(target - nums[i], out other)) return new[] { other, i };
      seen[nums[i]] = i;
    }
    return new int[0];
  }
}
