#include <bits/stdc++.h>
using namespace std;

class Trie {
public:
  Trie() {
    // Set up an empty set of words.
  }

  void insert(string word) {
    // Add word to the set.
  }

  bool search(string word) {
    // Return whether word itself was added.
    return false;
  }

  bool startsWith(string prefix) {
    // Return whether some added word begins with prefix.
    return false;
  }
};
