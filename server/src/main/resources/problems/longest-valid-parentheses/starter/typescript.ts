function longestValidParentheses(s: string): number {
  // Return the length of the longest balanced substring of s.
  return -1;
}
