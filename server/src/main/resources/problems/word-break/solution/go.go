package main

func wordBreak(s string, words []string) bool {
	dictionary := make(map[string]bool, len(words))
	longest := 0
	for _, word := range words {
		dictionary[word] = true
		if len(word) > longest {
			longest = len(word)
		}
	}
	n := len(s)
	ok := make([]bool, n+1) // ok[i]: the first i letters can be split into words
	ok[0] = true
	for i := 1; i <= n; i++ {
		for length := 1; length <= longest && length <= i; length++ {
			if ok[i-length] && dictionary[s[i-length:i]] {
				ok[i] = true
				break
			}
		}
	}
	return ok[n]
}
