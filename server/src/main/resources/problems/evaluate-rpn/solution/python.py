def evalRPN(expression: str) -> int:
    stack = []
    for token in expression.split(" "):
        if token in ("+", "-", "*", "/"):
            right = stack.pop()
            left = stack.pop()
            if token == "+":
                stack.append(left + right)
            elif token == "-":
                stack.append(left - right)
            elif token == "*":
                stack.append(left * right)
            else:
                # Truncate toward zero (Python's // rounds down).
                quotient = abs(left) // abs(right)
                stack.append(quotient if (left < 0) == (right < 0) else -quotient)
        else:
            stack.append(int(token))
    return stack[-1]
