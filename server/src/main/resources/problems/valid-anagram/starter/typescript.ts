function isAnagram(s: string, t: string): boolean {
  // Return true if t is a rearrangement of the letters of s.
  return false;
}
