class LRUCache {
  /** @param {number} capacity */
  constructor(capacity) {
    // Set up an empty cache holding at most capacity entries.
  }

  /**
   * @param {number} key
   * @return {number} the value of key, or -1 if it is not cached
   */
  get(key) {
    return -1;
  }

  /**
   * Stores value under key, evicting the least recently used entry if full.
   * @param {number} key
   * @param {number} value
   * @return {void}
   */
  put(key, value) {}
}
