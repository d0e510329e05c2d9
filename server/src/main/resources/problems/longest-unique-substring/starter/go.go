package main

func longestUniqueSubstring(s string) int {
	// Return the length of the longest substring of s with no repeated character.
	return 0
}
