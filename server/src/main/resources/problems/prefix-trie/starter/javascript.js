class Trie {
  constructor() {
    // Set up an empty set of words.
  }

  /**
   * Adds word to the set.
   * @param {string} word
   * @return {void}
   */
  insert(word) {}

  /**
   * @param {string} word
   * @return {boolean} whether word itself was added
   */
  search(word) {
    return false;
  }

  /**
   * @param {string} prefix
   * @return {boolean} whether some added word begins with prefix
   */
  startsWith(prefix) {
    return false;
  }
}
