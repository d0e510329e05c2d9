/**
 * @param {string} text
 * @return {Map<string, number>}
 */
function wordFrequencies(text) {
  const counts = new Map();
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}
