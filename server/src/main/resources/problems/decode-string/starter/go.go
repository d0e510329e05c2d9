package main

func decodeString(s string) string {
	// Return s with every k[text] replaced by text repeated k times.
	return ""
}
