/**
 * @param {string} s
 * @return {boolean}
 */
function isPalindrome(s) {
  // Return true if s reads the same both ways, counting only letters and digits, ignoring case.
  return false;
}
