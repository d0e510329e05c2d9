import java.util.*;

class Solution {
  public int evalRPN(String expression) {
    Deque<Integer> stack = new ArrayDeque<>();
    for (String token : expression.split(" ")) {
      switch (token) {
        case "+", "-", "*", "/" -> {
          int right = stack.pop();
          int left = stack.pop();
          stack.push(
              switch (token) {
                case "+" -> left + right;
                case "-" -> left - right;
                case "*" -> left * right;
                default -> left / right;
              });
        }
        default -> stack.push(Integer.parseInt(token));
      }
    }
    return stack.peek();
  }
}
