package main

func maxProfit(prices []int) int {
	// Return the largest profit of one buy followed by a later sell, or 0.
	return 0
}
