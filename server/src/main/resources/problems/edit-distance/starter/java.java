import java.util.*;

class Solution {
  public int minDistance(String a, String b) {
    // Return the fewest insertions, deletions and replacements that turn a into b.
    return 0;
  }
}
