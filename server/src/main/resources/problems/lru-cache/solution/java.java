import java.util.*;

class LRUCache {
  private final int capacity;
  private final LinkedHashMap<Integer, Integer> entries;

  public LRUCache(int capacity) {
    this.capacity = capacity;
    // Access order: every get and put moves the key to the end, so the eldest is the least recent.
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  public int get(int key) {
    Integer value = entries.get(key);
    return value == null ? -1 : value;
  }

  public void put(int key, int value) {
    if (!entries.containsKey(key) && entries.size() == capacity) {
      Integer eldest = entries.keySet().iterator().next();
      entries.remove(eldest);
    }
    entries.put(key, value);
  }
}
