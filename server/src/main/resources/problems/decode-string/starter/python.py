def decodeString(s: str) -> str:
    # Return s with every k[text] replaced by text repeated k times.
    return ""
