import java.util.*;

class Solution {
  public long climbStairs(int n) {
    // Return the number of ways to climb n steps with moves of one or two steps.
    return 0;
  }
}
