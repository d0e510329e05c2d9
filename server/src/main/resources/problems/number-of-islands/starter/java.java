import java.util.*;

class Solution {
  public int numIslands(String[] grid) {
    // Return the number of islands of '1' cells in grid.
    return 0;
  }
}
