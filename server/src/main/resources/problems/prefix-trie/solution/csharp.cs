using System;
using System.Collections.Generic;

public class Trie {
    private sealed class Node {
        public readonly Node[] Children = new Node[26]; // indexed by letter - 'a'
        public bool IsWord; // an inserted word ends here
    }

    private readonly Node root = new Node();

    public Trie() {
    }

    public void Insert(string word) {
        Node node = root;
        foreach (char c in word) {
            int letter = c - 'a';
            if (node.Children[letter] == null) {
                node.Children[letter] = new Node();
            }
            node = node.Children[letter];
        }
        node.IsWord = true;
    }

    public bool Search(string word) {
        Node node = Find(word);
        return node != null && node.IsWord;
    }

    public bool StartsWith(string prefix) {
        return Find(prefix) != null;
    }

    // The node that path leads to from the root, or null if the path leaves the tree.
    private Node Find(string path) {
        Node node = root;
        for (int i = 0; i < path.Length && node != null; i++) {
            node = node.Children[path[i] - 'a'];
        }
        return node;
    }
}
