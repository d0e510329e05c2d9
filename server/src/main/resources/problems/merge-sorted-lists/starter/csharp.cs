using System;
using System.Collections.Generic;

// ListNode is provided: public int val; public ListNode next; new ListNode(val, next).
public class Solution {
    public ListNode MergeTwoLists(ListNode list1, ListNode list2) {
        // Return the head of the merged sorted list.
        return null;
    }
}
