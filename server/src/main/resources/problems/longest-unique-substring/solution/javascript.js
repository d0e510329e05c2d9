/**
 * @param {string} s
 * @return {number}
 */
function longestUniqueSubstring(s) {
  const last = new Map();
  let left = 0;
  let best = 0;
  for (let right = 0; right < s.length; right++) {
    const c = s[right];
    const seen = last.get(c);
    if (seen !== undefined && seen >= left) left = seen + 1;
    last.set(c, right);
    best = Math.max(best, right - left + 1);
  }
  return best;
}
