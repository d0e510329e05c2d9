from collections import Counter


def minWindow(s: str, t: str) -> str:
    need = Counter(t)  # copies the window still needs; negative: surplus copies
    missing = len(t)  # total of the positive needs
    best_start, best_length = 0, len(s) + 1
    left = 0
    for right, c in enumerate(s):
        if need[c] > 0:
            missing -= 1
        need[c] -= 1
        while missing == 0:
            if right - left + 1 < best_length:
                best_start, best_length = left, right - left + 1
            d = s[left]
            need[d] += 1
            if need[d] > 0:
                missing += 1
            left += 1
    return s[best_start:best_start + best_length] if best_length <= len(s) else ""
