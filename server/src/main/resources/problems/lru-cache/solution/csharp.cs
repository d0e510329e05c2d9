using System;
using System.Collections.Generic;

public class LRUCache {
    private sealed class Entry {
        public int Key;
        public int Value;
    }

    private readonly int capacity;
    // Most recently used first; each dictionary value is its key's node in the list.
    private readonly LinkedList<Entry> order = new LinkedList<Entry>();
    private readonly Dictionary<int, LinkedListNode<Entry>> where = new Dictionary<int, LinkedListNode<Entry>>();

    public LRUCache(int capacity) {
        this.capacity = capacity;
    }

    public int Get(int key) {
        if (!where.TryGetValue(key, out var node)) return -1;
        order.Remove(node);
        order.AddFirst(node);
        return node.Value.Value;
    }

    public void Put(int key, int value) {
        if (where.TryGetValue(key, out var node)) {
            node.Value.Value = value;
            order.Remove(node);
            order.AddFirst(node);
            return;
        }
        if (order.Count == capacity) {
            where.Remove(order.Last.Value.Key);
            order.RemoveLast();
        }
        where[key] = order.AddFirst(new Entry { Key = key, Value = value });
    }
}
