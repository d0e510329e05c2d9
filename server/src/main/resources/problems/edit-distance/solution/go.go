package main

func minDistance(a string, b string) int {
	if len(a) < len(b) {
		a, b = b, a // the rows run over the shorter word
	}
	m := len(b)
	previous := make([]int, m+1)
	current := make([]int, m+1)
	for j := range previous {
		previous[j] = j // distances from the empty prefix of a
	}
	for i := 1; i <= len(a); i++ {
		current[0] = i
		for j := 1; j <= m; j++ {
			if a[i-1] == b[j-1] {
				current[j] = previous[j-1]
				continue
			}
			best := previous[j-1]
			if previous[j] < best {
				best = previous[j]
			}
			if current[j-1] < best {
				best = current[j-1]
			}
			current[j] = best + 1
		}
		previous, current = current, previous
	}
	return previous[m]
}
