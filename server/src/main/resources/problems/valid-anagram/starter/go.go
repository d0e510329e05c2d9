package main

func isAnagram(s string, t string) bool {
	// Return true if t is a rearrangement of the letters of s.
	return false
}
