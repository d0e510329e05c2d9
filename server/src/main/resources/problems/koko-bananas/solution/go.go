package main

func minPrintSpeed(stacks []int, h int) int {
	hours := func(k int) int {
		total := 0
		for _, p := range stacks {
			total += (p + k - 1) / k
		}
		return total
	}
	lo, hi := 1, 1
	for _, p := range stacks {
		if p > hi {
			hi = p
		}
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if hours(mid) <= h {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
