import java.util.*;

class Solution {
  public int[] dailyTemperatures(int[] temperatures) {
    // For each day, return how many days later a strictly warmer day comes (0 if none).
    return new int[0];
  }
}
