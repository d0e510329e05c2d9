class LRUCache {
  constructor(capacity: number) {
    // Set up an empty cache holding at most capacity entries.
  }

  get(key: number): number {
    // Return the value of key, or -1 if it is not cached.
    return -1;
  }

  put(key: number, value: number): void {
    // Store value under key, evicting the least recently used entry if full.
  }
}
