package main

func minWindow(s string, t string) string {
	// Return the shortest (then leftmost) window of s that contains all letters of t, or "".
	return ""
}
