def minDistance(a: str, b: str) -> int:
    # Return the fewest insertions, deletions and replacements that turn a into b.
    return 0
