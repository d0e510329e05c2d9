function wordFrequencies(text: string): Map<string, number> {
  // Return a map from each lower-case word to its number of occurrences.
  return new Map();
}
