import java.util.*;

class Solution {
  public String reverseWords(String s) {
    // Return the words of s in reverse order, separated by single spaces.
    return s;
  }
}
