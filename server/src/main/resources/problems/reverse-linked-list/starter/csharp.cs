using System;
using System.Collections.Generic;

// ListNode is provided: public int val; public ListNode next; new ListNode(val, next).
public class Solution {
    public ListNode ReverseList(ListNode head) {
        // Return the first node of the reversed list.
        return null;
    }
}
