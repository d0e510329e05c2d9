/**
 * @param {string} s
 * @param {string[]} words
 * @return {boolean}
 */
function wordBreak(s, words) {
  // Return true if s can be cut into pieces that are all in words.
  return false;
}
