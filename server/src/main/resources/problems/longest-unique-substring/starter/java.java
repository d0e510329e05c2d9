import java.util.*;

class Solution {
  public int longestUniqueSubstring(String s) {
    // Return the length of the longest substring of s with no repeated character.
    return 0;
  }
}
