package main

func coinChange(coins []int, amount int) int {
	// Return the fewest coins that add up to amount, or -1 if impossible.
	return 0
}
