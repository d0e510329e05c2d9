/**
 * @param {string[]} words
 * @return {string[][]}
 */
function groupAnagrams(words) {
  const groups = new Map();
  for (const word of words) {
    const key = [...word].sort().join("");
    const group = groups.get(key);
    if (group) group.push(word);
    else groups.set(key, [word]);
  }
  const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const result = [...groups.values()].map((group) => group.sort(byCodeUnit));
  return result.sort((a, b) => byCodeUnit(a[0], b[0]));
}
