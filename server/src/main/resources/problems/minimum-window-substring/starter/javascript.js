/**
 * @param {string} s
 * @param {string} t
 * @return {string}
 */
function minWindow(s, t) {
  // Return the shortest (then leftmost) window of s that contains all letters of t, or "".
  return "";
}
