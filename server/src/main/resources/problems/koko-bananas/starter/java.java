import java.util.*;

class Solution {
  public int minPrintSpeed(int[] stacks, int h) {
    // Return the smallest speed k that prints every stack within h hours.
    return 0;
  }
}
