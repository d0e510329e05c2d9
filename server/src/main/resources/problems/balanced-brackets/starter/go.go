package main

func isBalanced(s string) bool {
	// Return true if every bracket in s is closed by one of its kind, properly nested.
	return false
}
