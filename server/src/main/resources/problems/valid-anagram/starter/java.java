import java.util.*;

class Solution {
  public boolean isAnagram(String s, String t) {
    // Return true if t is a rearrangement of the letters of s.
    return false;
  }
}
