def decodeString(s: str) -> str:
    stack = []  # (pieces of the enclosing text, count in front of the open bracket)
    pieces = []  # pieces of the text decoded so far inside the innermost open group
    count = 0
    for ch in s:
        if ch.isdigit():
            count = count * 10 + int(ch)
        elif ch == "[":
            stack.append((pieces, count))
            pieces, count = [], 0
        elif ch == "]":
            outer, k = stack.pop()
            outer.append("".join(pieces) * k)
            pieces = outer
        else:
            pieces.append(ch)
    return "".join(pieces)
