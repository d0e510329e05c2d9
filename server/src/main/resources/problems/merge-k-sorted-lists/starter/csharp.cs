using System;
using System.Collections.Generic;

// ListNode is provided: public int val; public ListNode next; new ListNode(val, next).
public class Solution {
    public ListNode MergeKLists(ListNode[] lists) {
        // Return the head of one sorted list holding every node of the given lists.
        return null;
    }
}
