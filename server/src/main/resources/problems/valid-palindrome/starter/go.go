package main

func isPalindrome(s string) bool {
	// Return true if s reads the same both ways, counting only letters and digits, ignoring case.
	return false
}
