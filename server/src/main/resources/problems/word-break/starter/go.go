package main

func wordBreak(s string, words []string) bool {
	// Return true if s can be cut into pieces that are all in words.
	return false
}
