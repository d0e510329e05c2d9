package main

import "container/list"

type entry struct {
	key, value int
}

type LRUCache struct {
	capacity int
	order    *list.List // most recently used at the front
	where    map[int]*list.Element
}

func Constructor(capacity int) LRUCache {
	return LRUCache{capacity: capacity, order: list.New(), where: make(map[int]*list.Element)}
}

func (this *LRUCache) Get(key int) int {
	e, ok := this.where[key]
	if !ok {
		return -1
	}
	this.order.MoveToFront(e)
	return e.Value.(*entry).value
}

func (this *LRUCache) Put(key int, value int) {
	if e, ok := this.where[key]; ok {
		e.Value.(*entry).value = value
		this.order.MoveToFront(e)
		return
	}
	if this.order.Len() == this.capacity {
		last := this.order.Back()
		this.order.Remove(last)
		delete(this.where, last.Value.(*entry).key)
	}
	this.where[key] = this.order.PushFront(&entry{key, value})
}
