/**
 * @param {string} s
 * @param {string} t
 * @return {string}
 */
function minWindow(s, t) {
  const need = new Array(128).fill(0); // copies the window still needs; negative: surplus
  for (let i = 0; i < t.length; i++) need[t.charCodeAt(i)]++;
  let missing = t.length; // total of the positive needs
  let bestStart = 0;
  let bestLength = s.length + 1;
  let left = 0;
  for (let right = 0; right < s.length; right++) {
    const c = s.charCodeAt(right);
    if (need[c] > 0) missing--;
    need[c]--;
    while (missing === 0) {
      if (right - left + 1 < bestLength) {
        bestStart = left;
        bestLength = right - left + 1;
      }
      const d = s.charCodeAt(left);
      need[d]++;
      if (need[d] > 0) missing++;
      left++;
    }
  }
  return bestLength <= s.length ? s.substring(bestStart, bestStart + bestLength) : "";
}
