import sys
target = sys.stdin.readline().strip()
chunk = b"x" * 1_000_000
n = 0
while True:
    with open("%s/fill-%d" % (target, n), "wb") as f:
        for _ in range(8):
            f.write(chunk)
    n += 1
