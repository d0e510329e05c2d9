#include <bits/stdc++.h>
using namespace std;

class Trie {
  // All nodes live in one vector and refer to their children by index (0 = no child, since the
  // root at index 0 is nobody's child), so the trie frees everything when it goes away.
  vector<array<int, 26>> children;
  vector<bool> isWord;  // an inserted word ends at this node

  // The node that path leads to from the root, or -1 if the path leaves the tree.
  int find(const string& path) const {
    int node = 0;
    for (char c : path) {
      node = children[node][c - 'a'];
      if (node == 0) return -1;
    }
    return node;
  }

public:
  Trie() : children(1), isWord(1, false) {}

  void insert(string word) {
    int node = 0;
    for (char c : word) {
      if (children[node][c - 'a'] == 0) {
        children[node][c - 'a'] = (int) children.size();
        children.emplace_back();  // value-initialized: no children yet
        isWord.push_back(false);
      }
      node = children[node][c - 'a'];
    }
    isWord[node] = true;
  }

  bool search(string word) {
    int node = find(word);
    return node >= 0 && isWord[node];
  }

  bool startsWith(string prefix) { return find(prefix) >= 0; }
};
