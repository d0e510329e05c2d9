class LRUCache {
  // A Map iterates in insertion order, so its first key is the least recently used.
  private readonly entries = new Map<number, number>();

  constructor(private readonly capacity: number) {}

  get(key: number): number {
    const value = this.entries.get(key);
    if (value === undefined) return -1;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  put(key: number, value: number): void {
    if (this.entries.has(key)) {
      this.entries.delete(key);
    } else if (this.entries.size === this.capacity) {
      this.entries.delete(this.entries.keys().next().value as number);
    }
    this.entries.set(key, value);
  }
}
