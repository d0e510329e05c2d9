def evalRPN(expression: str) -> int:
    # Return the value of the postfix expression (tokens separated by single spaces).
    return 0
