import sys

print("hello world")
print("stdin:", sys.stdin.readline().strip())
