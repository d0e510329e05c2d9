package main

func wordFrequencies(text string) map[string]int {
	// Return a map from each lower-case word to its number of occurrences.
	return map[string]int{}
}
