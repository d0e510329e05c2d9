package main

func ladderLength(beginWord string, endWord string, wordList []string) int {
	// Words that differ in one position share the pattern with '*' at that position.
	byPattern := make(map[string][]string)
	hasEnd := false
	for _, word := range wordList {
		hasEnd = hasEnd || word == endWord
		for i := 0; i < len(word); i++ {
			pattern := word[:i] + "*" + word[i+1:]
			byPattern[pattern] = append(byPattern[pattern], word)
		}
	}
	if !hasEnd {
		return 0
	}
	seen := map[string]bool{beginWord: true}
	level := []string{beginWord}
	for length := 1; len(level) > 0; length++ {
		var next []string
		for _, word := range level {
			for i := 0; i < len(word); i++ {
				pattern := word[:i] + "*" + word[i+1:]
				group, ok := byPattern[pattern]
				if !ok {
					continue
				}
				// Every word of this group is queued now, so the group is never read again.
				delete(byPattern, pattern)
				for _, neighbour := range group {
					if neighbour == endWord {
						return length + 1
					}
					if !seen[neighbour] {
						seen[neighbour] = true
						next = append(next, neighbour)
					}
				}
			}
		}
		level = next
	}
	return 0
}
