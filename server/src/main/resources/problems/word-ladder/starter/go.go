package main

func ladderLength(beginWord string, endWord string, wordList []string) int {
	// Return the number of words in the shortest ladder from beginWord to endWord, or 0.
	return -1
}
