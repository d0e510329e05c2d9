# Each block is written by one C loop (a one-byte bytes repeated is a memset), so the run reaches
# the memory limit in a few steps and the kernel kills it, instead of interpreting Python between
# small allocations while reclaim evicts the interpreter's own pages and the clock runs out.
blocks = []
while True:
    blocks.append(b"x" * (64 << 20))
