import java.util.*;

// ListNode is provided: int val; ListNode next; new ListNode(val), new ListNode(val, next).
class Solution {
  public ListNode mergeTwoLists(ListNode list1, ListNode list2) {
    // Return the head of the merged sorted list.
    return null;
  }
}
