/**
 * @param {string} s
 * @return {string}
 */
function reverseWords(s) {
  // Return the words of s in reverse order, separated by single spaces.
  return s;
}
