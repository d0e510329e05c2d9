/**
 * @param {string} a
 * @param {string} b
 * @return {number}
 */
function minDistance(a, b) {
  // Return the fewest insertions, deletions and replacements that turn a into b.
  return 0;
}
