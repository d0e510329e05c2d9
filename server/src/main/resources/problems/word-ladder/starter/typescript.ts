function ladderLength(beginWord: string, endWord: string, wordList: string[]): number {
  // Return the number of words in the shortest ladder from beginWord to endWord, or 0.
  return -1;
}
