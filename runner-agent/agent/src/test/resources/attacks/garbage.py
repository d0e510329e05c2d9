# Bytes that are not text: NUL, invalid UTF-8, a character split between two writes, ANSI escapes
# and other control characters, then a 50 MB line without a newline.
import sys
import time

out = sys.stdout.buffer
out.write(b"nul:\x00\x00|bad:\xff\xfe\xc0|split:\xe2\x82")
out.flush()
time.sleep(0.3)  # the rest of the character comes in a later chunk
out.write(b"\xac|ansi:\x1b[31mred\x1b[0m|bell:\x07|del:\x7f|c1:\xc2\x9b|\n")
out.flush()
line = b"y" * 1_000_000
for _ in range(50):
    out.write(line)
