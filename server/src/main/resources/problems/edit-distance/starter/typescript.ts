function minDistance(a: string, b: string): number {
  // Return the fewest insertions, deletions and replacements that turn a into b.
  return 0;
}
