function longestUniqueSubstring(s: string): number {
  // Return the length of the longest substring of s with no repeated character.
  return 0;
}
