import java.util.*;

class LRUCache {
  public LRUCache(int capacity) {
    // Set up an empty cache holding at most capacity entries.
  }

  public int get(int key) {
    // Return the value of key, or -1 if it is not cached.
    return -1;
  }

  public void put(int key, int value) {
    // Store value under key, evicting the least recently used entry if full.
  }
}
