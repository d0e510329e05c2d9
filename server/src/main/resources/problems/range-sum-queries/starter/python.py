import sys


def main():
    data = sys.stdin.buffer.read().split()
    # data holds every number of the input as bytes: n, the n values, q, then q pairs l r.
    # Print one line per query with the sum of a[l..r].
    print(0)


main()
