import sys

tokens = sys.stdin.read().split()
n = int(tokens[0])
if n == -7:
    while True:
        pass
if n < 0:
    sys.stderr.write("negative count\n")
    sys.exit(3)
running = 0
lines = []
for i in range(1, n + 1):
    running += int(tokens[i])
    lines.append(str(running))
sys.stdout.write("".join(line + "\n" for line in lines))
sys.stderr.write("sum %d\n" % running)
