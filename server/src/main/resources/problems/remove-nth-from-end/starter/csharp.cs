using System;
using System.Collections.Generic;

// ListNode is provided: public int val; public ListNode next; new ListNode(val, next).
public class Solution {
    public ListNode RemoveNthFromEnd(ListNode head, int n) {
        // Return the head of the list without its n-th node from the end.
        return null;
    }
}
