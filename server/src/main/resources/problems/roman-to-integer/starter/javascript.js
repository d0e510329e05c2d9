/**
 * @param {string} s
 * @return {number}
 */
function romanToInt(s) {
  // Return the integer value of the Roman numeral s.
  return 0;
}
