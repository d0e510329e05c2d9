/**
 * @param {string[]} words
 * @return {string[][]}
 */
function groupAnagrams(words) {
  // Return the groups of anagrams: each group sorted, groups sorted by first word.
  return [];
}
