import java.util.*;

class Solution {
  public int maxArea(int[] heights) {
    // Return the most water that two of the walls can hold.
    return 0;
  }
}
