def isBalanced(s: str) -> bool:
    # Return True if every bracket in s is closed by one of its kind, properly nested.
    return False
