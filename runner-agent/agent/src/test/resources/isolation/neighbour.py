# Leaves a marker named after its input in /tmp and /dev/shm, stays a while so a neighbour run
# overlaps it, then prints when it ran, the files it sees and the programs it sees.
import os, sys, time

marker = sys.stdin.readline().strip()
start = time.time()
for folder in ["/tmp", "/dev/shm"]:
    with open(os.path.join(folder, "marker-" + marker), "w") as f:
        f.write(marker)
time.sleep(3)
end = time.time()
print("ran", start, end)
for folder in ["/tmp", "/dev/shm", "/code"]:
    for name in sorted(os.listdir(folder)):
        print("file", os.path.join(folder, name))
for pid in sorted(p for p in os.listdir("/proc") if p.isdigit()):
    try:
        with open("/proc/%s/cmdline" % pid, "rb") as f:
            print("process", pid, f.read().replace(b"\0", b" ").decode().strip())
    except OSError:
        pass
