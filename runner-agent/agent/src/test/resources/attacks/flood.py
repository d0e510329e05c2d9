import sys
chunk = "x" * 1_000_000
for _ in range(100):
    sys.stdout.write(chunk)
