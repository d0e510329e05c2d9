import java.util.*;

class Trie {
  private static final class Node {
    final Node[] children = new Node[26]; // indexed by letter - 'a'
    boolean isWord; // an inserted word ends here
  }

  private final Node root = new Node();

  public Trie() {}

  public void insert(String word) {
    Node node = root;
    for (int i = 0; i < word.length(); i++) {
      int letter = word.charAt(i) - 'a';
      if (node.children[letter] == null) {
        node.children[letter] = new Node();
      }
      node = node.children[letter];
    }
    node.isWord = true;
  }

  public boolean search(String word) {
    Node node = find(word);
    return node != null && node.isWord;
  }

  public boolean startsWith(String prefix) {
    return find(prefix) != null;
  }

  /** The node that path leads to from the root, or null if the path leaves the tree. */
  private Node find(String path) {
    Node node = root;
    for (int i = 0; i < path.length() && node != null; i++) {
      node = node.children[path.charAt(i) - 'a'];
    }
    return node;
  }
}
