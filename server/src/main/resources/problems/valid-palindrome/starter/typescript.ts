function isPalindrome(s: string): boolean {
  // Return true if s reads the same both ways, counting only letters and digits, ignoring case.
  return false;
}
