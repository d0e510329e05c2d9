from collections import defaultdict, deque
from typing import List


def ladderLength(beginWord: str, endWord: str, wordList: List[str]) -> int:
    if endWord not in wordList:
        return 0
    # Words that differ in one position share the pattern with '*' at that position.
    by_pattern = defaultdict(list)
    for word in wordList:
        for i in range(len(word)):
            by_pattern[word[:i] + '*' + word[i + 1:]].append(word)
    seen = {beginWord}
    queue = deque([(beginWord, 1)])
    while queue:
        word, length = queue.popleft()
        for i in range(len(word)):
            pattern = word[:i] + '*' + word[i + 1:]
            for neighbour in by_pattern.pop(pattern, ()):
                if neighbour == endWord:
                    return length + 1
                if neighbour not in seen:
                    seen.add(neighbour)
                    queue.append((neighbour, length + 1))
    return 0
