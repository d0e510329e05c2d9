import java.util.*;

// ListNode is provided: int val; ListNode next; new ListNode(val), new ListNode(val, next).
class Solution {
  public ListNode mergeKLists(ListNode[] lists) {
    // Return the head of one sorted list holding every node of the given lists.
    return null;
  }
}
