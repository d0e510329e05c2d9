/**
 * @param {string} beginWord
 * @param {string} endWord
 * @param {string[]} wordList
 * @return {number}
 */
function ladderLength(beginWord, endWord, wordList) {
  // Return the number of words in the shortest ladder from beginWord to endWord, or 0.
  return -1;
}
