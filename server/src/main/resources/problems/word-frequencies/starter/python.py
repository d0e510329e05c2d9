from typing import Dict


def wordFrequencies(text: str) -> Dict[str, int]:
    # Return a map from each lower-case word to its number of occurrences.
    return {}
