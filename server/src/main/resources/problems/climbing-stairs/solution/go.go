package main

func climbStairs(n int) int64 {
	before, current := int64(1), int64(1) // ways to reach step 0 and step 1
	for i := 1; i < n; i++ {
		before, current = current, before+current
	}
	return current
}
