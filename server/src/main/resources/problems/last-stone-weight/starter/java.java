import java.util.*;

class Solution {
  public int lastStoneWeight(int[] stones) {
    // Return the weight of the last stone left, or 0 if none is left.
    return 0;
  }
}
