/**
 * @param {string} expression
 * @return {number}
 */
function evalRPN(expression) {
  // Return the value of the postfix expression (tokens separated by single spaces).
  return 0;
}
