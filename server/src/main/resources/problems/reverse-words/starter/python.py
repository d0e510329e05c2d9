def reverseWords(s: str) -> str:
    # Return the words of s in reverse order, separated by single spaces.
    return s
