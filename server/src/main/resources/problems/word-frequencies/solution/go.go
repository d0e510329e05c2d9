package main

import "strings"

func wordFrequencies(text string) map[string]int {
	counts := map[string]int{}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return r < 'a' || r > 'z'
	})
	for _, word := range words {
		counts[word]++
	}
	return counts
}
