#include <bits/stdc++.h>
using namespace std;

class LRUCache {
public:
  LRUCache(int capacity) {
    // Set up an empty cache holding at most capacity entries.
  }

  int get(int key) {
    // Return the value of key, or -1 if it is not cached.
    return -1;
  }

  void put(int key, int value) {
    // Store value under key, evicting the least recently used entry if full.
  }
};
