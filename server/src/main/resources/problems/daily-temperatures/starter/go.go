package main

func dailyTemperatures(temperatures []int) []int {
	// For each day, return how many days later a strictly warmer day comes (0 if none).
	return []int{}
}
