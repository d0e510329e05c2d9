def longestValidParentheses(s: str) -> int:
    best = 0
    # The bottom entry is the index before the current balanced run may start (the last ')' that
    # closed nothing, or -1); above it, the indices of the '(' still open.
    stack = [-1]
    for i, c in enumerate(s):
        if c == '(':
            stack.append(i)
            continue
        stack.pop()
        if not stack:
            stack.append(i)
        elif i - stack[-1] > best:
            best = i - stack[-1]
    return best
