from typing import List


def wordBreak(s: str, words: List[str]) -> bool:
    # Return True if s can be cut into pieces that are all in words.
    return False
