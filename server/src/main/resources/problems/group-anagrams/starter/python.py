from typing import List


def groupAnagrams(words: List[str]) -> List[List[str]]:
    # Return the groups of anagrams: each group sorted, groups sorted by first word.
    return []
