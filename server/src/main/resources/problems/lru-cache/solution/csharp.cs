using System;
using System.Collections.Generic;

public class LRUCache {
    private readonly int capacity;
    // Most recently used first; each dictionary value is its key's node in the list.
    private readonly LinkedList<(int Key, int Value)> order = new LinkedList<(int Key, int Value)>();
    private readonly Dictionary<int, LinkedListNode<(int Key, int Value)>> where =
        new Dictionary<int, LinkedListNode<(int Key, int Value)>>();

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
            order.Remove(node);
            node.Value = (key, value);
            order.AddFirst(node);
            return;
        }
        if (order.Count == capacity) {
            where.Remove(order.Last.Value.Key);
            order.RemoveLast();
        }
        where[key] = order.AddFirst((key, value));
    }
}
