function evalRPN(expression: string): number {
  // Return the value of the postfix expression (tokens separated by single spaces).
  return 0;
}
