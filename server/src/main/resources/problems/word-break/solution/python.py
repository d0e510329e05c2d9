from typing import List


def wordBreak(s: str, words: List[str]) -> bool:
    dictionary = set(words)
    longest = max(len(w) for w in words)
    n = len(s)
    ok = [False] * (n + 1)  # ok[i]: the first i letters can be split into words
    ok[0] = True
    for i in range(1, n + 1):
        for length in range(1, min(longest, i) + 1):
            if ok[i - length] and s[i - length:i] in dictionary:
                ok[i] = True
                break
    return ok[n]
