from typing import List


def minPrintSpeed(stacks: List[int], h: int) -> int:
    # Return the smallest speed k that prints every stack within h hours.
    return 0
