package main

type LRUCache struct {
	// The cache's fields.
}

func Constructor(capacity int) LRUCache {
	// Set up an empty cache holding at most capacity entries.
	return LRUCache{}
}

func (this *LRUCache) Get(key int) int {
	// Return the value of key, or -1 if it is not cached.
	return -1
}

func (this *LRUCache) Put(key int, value int) {
	// Store value under key, evicting the least recently used entry if full.
}
