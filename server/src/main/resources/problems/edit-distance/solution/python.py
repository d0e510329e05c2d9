def minDistance(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a  # the rows run over the shorter word
    previous = list(range(len(b) + 1))  # distances from the empty prefix of a
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1]
            else:
                current[j] = 1 + min(previous[j - 1], previous[j], current[j - 1])
        previous = current
    return previous[-1]
