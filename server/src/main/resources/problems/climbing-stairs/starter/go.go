package main

func climbStairs(n int) int64 {
	// Return the number of ways to climb n steps with moves of one or two steps.
	return 0
}
