import java.util.*;

class Solution {
  public String minWindow(String s, String t) {
    // Return the shortest (then leftmost) window of s that contains all letters of t, or "".
    return "";
  }
}
