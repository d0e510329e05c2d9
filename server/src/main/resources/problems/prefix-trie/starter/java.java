import java.util.*;

class Trie {
  public Trie() {
    // Set up an empty set of words.
  }

  public void insert(String word) {
    // Add word to the set.
  }

  public boolean search(String word) {
    // Return whether word itself was added.
    return false;
  }

  public boolean startsWith(String prefix) {
    // Return whether some added word begins with prefix.
    return false;
  }
}
