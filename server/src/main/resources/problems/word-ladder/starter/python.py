from typing import List


def ladderLength(beginWord: str, endWord: str, wordList: List[str]) -> int:
    # Return the number of words in the shortest ladder from beginWord to endWord, or 0.
    return -1
