/**
 * @param {string} text
 * @return {Map<string, number>} each lower-case word and its number of occurrences
 */
function wordFrequencies(text) {
  return new Map();
}
