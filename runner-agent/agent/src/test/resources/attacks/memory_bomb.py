blocks = []
while True:
    blocks.append(bytearray(b"x" * 10_000_000))
