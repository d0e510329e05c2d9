def isAnagram(s: str, t: str) -> bool:
    # Return True if t is a rearrangement of the letters of s.
    return False
