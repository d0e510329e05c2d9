def reverseWords(s):
    return " ".join(reversed(s.split()))
