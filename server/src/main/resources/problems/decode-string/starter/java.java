import java.util.*;

class Solution {
  public String decodeString(String s) {
    // Return s with every k[text] replaced by text repeated k times.
    return "";
  }
}
