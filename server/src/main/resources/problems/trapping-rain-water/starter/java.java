import java.util.*;

class Solution {
  public int trap(int[] heights) {
    // Return the total amount of water held between the bars.
    return 0;
  }
}
