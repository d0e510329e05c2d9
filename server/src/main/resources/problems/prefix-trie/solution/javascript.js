class TrieNode {
  constructor() {
    /** @type {Map<string, TrieNode>} */
    this.children = new Map();
    this.isWord = false; // an inserted word ends here
  }
}

class Trie {
  constructor() {
    this.root = new TrieNode();
  }

  /**
   * @param {string} word
   * @return {void}
   */
  insert(word) {
    let node = this.root;
    for (const letter of word) {
      let child = node.children.get(letter);
      if (child === undefined) {
        child = new TrieNode();
        node.children.set(letter, child);
      }
      node = child;
    }
    node.isWord = true;
  }

  /**
   * @param {string} word
   * @return {boolean}
   */
  search(word) {
    const node = this.find(word);
    return node !== undefined && node.isWord;
  }

  /**
   * @param {string} prefix
   * @return {boolean}
   */
  startsWith(prefix) {
    return this.find(prefix) !== undefined;
  }

  /** The node that path leads to from the root, or undefined if the path leaves the tree. */
  find(path) {
    let node = this.root;
    for (const letter of path) {
      node = node.children.get(letter);
      if (node === undefined) return undefined;
    }
    return node;
  }
}
