/**
 * @param {string} s
 * @param {string} t
 * @return {boolean}
 */
function isAnagram(s, t) {
  // Return true if t is a rearrangement of the letters of s.
  return false;
}
