package main

func longestUniqueSubstring(s string) int {
	var last [128]int
	for i := range last {
		last[i] = -1
	}
	left, best := 0, 0
	for right := 0; right < len(s); right++ {
		c := s[right]
		if last[c] >= left {
			left = last[c] + 1
		}
		last[c] = right
		if right-left+1 > best {
			best = right - left + 1
		}
	}
	return best
}
