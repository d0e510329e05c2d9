def isPalindrome(s: str) -> bool:
    # Return True if s reads the same both ways, counting only letters and digits, ignoring case.
    return False
