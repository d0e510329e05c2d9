def longestValidParentheses(s: str) -> int:
    # Return the length of the longest balanced substring of s.
    return -1
