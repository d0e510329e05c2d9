/**
 * @param {string} s
 * @return {number}
 */
function longestValidParentheses(s) {
  // Return the length of the longest balanced substring of s.
  return -1;
}
