class Trie {
  constructor() {
    // Set up an empty set of words.
  }

  insert(word: string): void {
    // Add word to the set.
  }

  search(word: string): boolean {
    // Return whether word itself was added.
    return false;
  }

  startsWith(prefix: string): boolean {
    // Return whether some added word begins with prefix.
    return false;
  }
}
