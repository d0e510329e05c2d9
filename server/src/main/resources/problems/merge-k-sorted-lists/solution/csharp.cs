using System;
using System.Collections.Generic;

public class Solution {
    public ListNode MergeKLists(ListNode[] lists) {
        // A min-heap of the current heads, by value, in an array.
        var heap = new List<ListNode>();
        foreach (ListNode head in lists) {
            if (head != null) Push(heap, head);
        }
        var dummy = new ListNode();
        ListNode tail = dummy;
        while (heap.Count > 0) {
            ListNode node = Pop(heap);
            tail.next = node;
            tail = node;
            if (node.next != null) Push(heap, node.next);
        }
        return dummy.next;
    }

    private static void Push(List<ListNode> heap, ListNode node) {
        heap.Add(node);
        int i = heap.Count - 1;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (heap[parent].val <= heap[i].val) break;
            Swap(heap, parent, i);
            i = parent;
        }
    }

    private static void Swap(List<ListNode> heap, int a, int b) {
        ListNode held = heap[a];
        heap[a] = heap[b];
        heap[b] = held;
    }

    private static ListNode Pop(List<ListNode> heap) {
        ListNode top = heap[0];
        heap[0] = heap[heap.Count - 1];
        heap.RemoveAt(heap.Count - 1);
        int i = 0;
        while (true) {
            int smallest = i, left = 2 * i + 1, right = left + 1;
            if (left < heap.Count && heap[left].val < heap[smallest].val) smallest = left;
            if (right < heap.Count && heap[right].val < heap[smallest].val) smallest = right;
            if (smallest == i) return top;
            Swap(heap, smallest, i);
            i = smallest;
        }
    }
}
