using System;
using System.Collections.Generic;

public class Trie {
    public Trie() {
        // Set up an empty set of words.
    }

    public void Insert(string word) {
        // Add word to the set.
    }

    public bool Search(string word) {
        // Return whether word itself was added.
        return false;
    }

    public bool StartsWith(string prefix) {
        // Return whether some added word begins with prefix.
        return false;
    }
}
