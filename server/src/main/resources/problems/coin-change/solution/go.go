package main

func coinChange(coins []int, amount int) int {
	impossible := amount + 1 // more coins than any payment needs
	best := make([]int, amount+1)
	for a := 1; a <= amount; a++ {
		best[a] = impossible
		for _, c := range coins {
			if c <= a && best[a-c]+1 < best[a] {
				best[a] = best[a-c] + 1
			}
		}
	}
	if best[amount] == impossible {
		return -1
	}
	return best[amount]
}
