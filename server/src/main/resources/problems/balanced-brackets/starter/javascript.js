/**
 * @param {string} s
 * @return {boolean}
 */
function isBalanced(s) {
  // Return true if every bracket in s is closed by one of its kind, properly nested.
  return false;
}
