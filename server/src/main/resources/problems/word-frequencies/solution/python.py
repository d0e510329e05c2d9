import re
from collections import Counter
from typing import Dict


def wordFrequencies(text: str) -> Dict[str, int]:
    return dict(Counter(re.findall(r"[a-z]+", text.lower())))
