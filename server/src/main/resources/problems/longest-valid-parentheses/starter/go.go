package main

func longestValidParentheses(s string) int {
	// Return the length of the longest balanced substring of s.
	return -1
}
