package main

func groupAnagrams(words []string) [][]string {
	// Return the groups of anagrams: each group sorted, groups sorted by first word.
	return [][]string{}
}
