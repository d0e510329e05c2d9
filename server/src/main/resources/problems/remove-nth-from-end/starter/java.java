import java.util.*;

// ListNode is provided: int val; ListNode next; new ListNode(val), new ListNode(val, next).
class Solution {
  public ListNode removeNthFromEnd(ListNode head, int n) {
    // Return the head of the list without its n-th node from the end.
    return null;
  }
}
