import java.util.*;

class Solution {
  public boolean canFinish(int numCourses, int[][] prerequisites) {
    // Return true if every course can be completed in some order.
    return false;
  }
}
