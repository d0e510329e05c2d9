package main

func minPrintSpeed(stacks []int, h int) int {
	// Return the smallest speed k that prints every stack within h hours.
	return 0
}
