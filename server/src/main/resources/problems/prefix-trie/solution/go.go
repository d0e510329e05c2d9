package main

type trieNode struct {
	children [26]*trieNode // indexed by letter - 'a'
	isWord   bool          // an inserted word ends here
}

type Trie struct {
	root *trieNode
}

func Constructor() Trie {
	return Trie{root: &trieNode{}}
}

func (this *Trie) Insert(word string) {
	node := this.root
	for i := 0; i < len(word); i++ {
		letter := word[i] - 'a'
		if node.children[letter] == nil {
			node.children[letter] = &trieNode{}
		}
		node = node.children[letter]
	}
	node.isWord = true
}

func (this *Trie) Search(word string) bool {
	node := this.find(word)
	return node != nil && node.isWord
}

func (this *Trie) StartsWith(prefix string) bool {
	return this.find(prefix) != nil
}

// find returns the node that path leads to from the root, or nil if the path leaves the tree.
func (this *Trie) find(path string) *trieNode {
	node := this.root
	for i := 0; i < len(path) && node != nil; i++ {
		node = node.children[path[i]-'a']
	}
	return node
}
