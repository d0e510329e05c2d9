package main

func minDistance(a string, b string) int {
	// Return the fewest insertions, deletions and replacements that turn a into b.
	return 0
}
