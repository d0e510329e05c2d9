/**
 * @param {string} s
 * @return {number}
 */
function longestUniqueSubstring(s) {
  // Return the length of the longest substring of s with no repeated character.
  return 0;
}
