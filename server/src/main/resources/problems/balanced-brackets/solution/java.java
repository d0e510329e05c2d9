import java.util.*;

class Solution {
  public boolean isBalanced(String s) {
    Deque<Character> stack = new ArrayDeque<>();
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '(', '[', '{' -> stack.push(ch);
        default -> {
          char open = ch == ')' ? '(' : ch == ']' ? '[' : '{';
          if (stack.isEmpty() || stack.pop() != open) {
            return false;
          }
        }
      }
    }
    return stack.isEmpty();
  }
}
