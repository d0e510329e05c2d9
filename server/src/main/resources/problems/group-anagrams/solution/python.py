from collections import defaultdict
from typing import List


def groupAnagrams(words: List[str]) -> List[List[str]]:
    groups = defaultdict(list)
    for word in words:
        groups["".join(sorted(word))].append(word)
    return sorted(sorted(group) for group in groups.values())
