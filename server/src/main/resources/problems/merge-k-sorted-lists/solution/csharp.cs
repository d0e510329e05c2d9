using System;
using System.Collections.Generic;

public class Solution {
    public ListNode MergeKLists(ListNode[] lists) {
        var heads = new PriorityQueue<ListNode, int>();
        foreach (ListNode head in lists) {
            if (head != null) heads.Enqueue(head, head.val);
        }
        var dummy = new ListNode();
        ListNode tail = dummy;
        while (heads.Count > 0) {
            ListNode node = heads.Dequeue();
            tail.next = node;
            tail = node;
            if (node.next != null) heads.Enqueue(node.next, node.next.val);
        }
        return dummy.next;
    }
}
