package main

type Trie struct {
	// The trie's fields.
}

func Constructor() Trie {
	// Set up an empty set of words.
	return Trie{}
}

func (this *Trie) Insert(word string) {
	// Add word to the set.
}

func (this *Trie) Search(word string) bool {
	// Return whether word itself was added.
	return false
}

func (this *Trie) StartsWith(prefix string) bool {
	// Return whether some added word begins with prefix.
	return false
}
