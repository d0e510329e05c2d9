const VALUES = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * @param {string} s
 * @return {number}
 */
function romanToInt(s) {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const value = VALUES[s[i]];
    if (i + 1 < s.length && VALUES[s[i + 1]] > value) total -= value;
    else total += value;
  }
  return total;
}
