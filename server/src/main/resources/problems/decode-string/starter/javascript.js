/**
 * @param {string} s
 * @return {string}
 */
function decodeString(s) {
  // Return s with every k[text] replaced by text repeated k times.
  return "";
}
