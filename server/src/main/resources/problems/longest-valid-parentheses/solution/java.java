import java.util.*;

class Solution {
  public int longestValidParentheses(String s) {
    int best = 0;
    // stack[0..size) holds at the bottom the index before the current balanced run may start (the
    // last ')' that closed nothing, or -1); above it, the indices of the '(' still open.
    int[] stack = new int[s.length() + 1];
    int size = 0;
    stack[size++] = -1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '(') {
        stack[size++] = i;
        continue;
      }
      size--;
      if (size == 0) {
        stack[size++] = i;
      } else {
        best = Math.max(best, i - stack[size - 1]);
      }
    }
    return best;
  }
}
