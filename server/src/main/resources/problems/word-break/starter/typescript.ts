function wordBreak(s: string, words: string[]): boolean {
  // Return true if s can be cut into pieces that are all in words.
  return false;
}
