import java.util.*;

class Solution {
  public String decodeString(String s) {
    Deque<StringBuilder> texts = new ArrayDeque<>(); // the enclosing texts of the open groups
    Deque<Integer> counts = new ArrayDeque<>(); // the count in front of each open group
    StringBuilder current = new StringBuilder();
    int count = 0;
    for (char ch : s.toCharArray()) {
      if (Character.isDigit(ch)) {
        count = count * 10 + (ch - '0');
      } else if (ch == '[') {
        texts.push(current);
        counts.push(count);
        current = new StringBuilder();
        count = 0;
      } else if (ch == ']') {
        StringBuilder outer = texts.pop();
        outer.append(current.toString().repeat(counts.pop()));
        current = outer;
      } else {
        current.append(ch);
      }
    }
    return current.toString();
  }
}
