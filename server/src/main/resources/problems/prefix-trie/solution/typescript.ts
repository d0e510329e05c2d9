class TrieNode {
  readonly children = new Map<string, TrieNode>();
  isWord = false; // an inserted word ends here
}

class Trie {
  private readonly root = new TrieNode();

  insert(word: string): void {
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

  search(word: string): boolean {
    const node = this.find(word);
    return node !== undefined && node.isWord;
  }

  startsWith(prefix: string): boolean {
    return this.find(prefix) !== undefined;
  }

  /** The node that path leads to from the root, or undefined if the path leaves the tree. */
  private find(path: string): TrieNode | undefined {
    let node: TrieNode | undefined = this.root;
    for (const letter of path) {
      node = node.children.get(letter);
      if (node === undefined) return undefined;
    }
    return node;
  }
}
