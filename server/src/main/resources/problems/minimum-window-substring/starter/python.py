def minWindow(s: str, t: str) -> str:
    # Return the shortest (then leftmost) window of s that contains all letters of t, or "".
    return ""
