using System;
using System.Collections.Generic;

public class LRUCache {
    public LRUCache(int capacity) {
        // Set up an empty cache holding at most capacity entries.
    }

    public int Get(int key) {
        // Return the value of key, or -1 if it is not cached.
        return -1;
    }

    public void Put(int key, int value) {
        // Store value under key, evicting the least recently used entry if full.
    }
}
