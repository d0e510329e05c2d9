import java.util.*;

class Solution {
  public long climbStairs(int n) {
    long before = 1; // ways to reach step 0
    long current = 1; // ways to reach step 1
    for (int i = 1; i < n; i++) {
      long next = before + current;
      before = current;
      current = next;
    }
    return current;
  }
}
