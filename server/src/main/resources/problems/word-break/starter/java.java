import java.util.*;

class Solution {
  public boolean wordBreak(String s, String[] words) {
    // Return true if s can be cut into pieces that are all in words.
    return false;
  }
}
