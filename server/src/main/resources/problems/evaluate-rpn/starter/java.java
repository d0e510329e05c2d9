import java.util.*;

class Solution {
  public int evalRPN(String expression) {
    // Return the value of the postfix expression (tokens separated by single spaces).
    return 0;
  }
}
