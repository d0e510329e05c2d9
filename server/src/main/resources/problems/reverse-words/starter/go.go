package main

func reverseWords(s string) string {
	// Return the words of s in reverse order, separated by single spaces.
	return s
}
