class LRUCache:
    def __init__(self, capacity: int):
        # Set up an empty cache holding at most capacity entries.
        pass

    def get(self, key: int) -> int:
        # Return the value of key, or -1 if it is not cached.
        return -1

    def put(self, key: int, value: int) -> None:
        # Store value under key, evicting the least recently used entry if full.
        pass
