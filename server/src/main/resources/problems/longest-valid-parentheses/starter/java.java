import java.util.*;

class Solution {
  public int longestValidParentheses(String s) {
    // Return the length of the longest balanced substring of s.
    return -1;
  }
}
