package main

func minWindow(s string, t string) string {
	var need [128]int // copies the window still needs; negative: surplus copies
	for i := 0; i < len(t); i++ {
		need[t[i]]++
	}
	missing := len(t) // total of the positive needs
	bestStart, bestLength := 0, len(s)+1
	left := 0
	for right := 0; right < len(s); right++ {
		if need[s[right]] > 0 {
			missing--
		}
		need[s[right]]--
		for missing == 0 {
			if right-left+1 < bestLength {
				bestStart, bestLength = left, right-left+1
			}
			need[s[left]]++
			if need[s[left]] > 0 {
				missing++
			}
			left++
		}
	}
	if bestLength > len(s) {
		return ""
	}
	return s[bestStart : bestStart+bestLength]
}
