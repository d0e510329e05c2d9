import java.util.*;

// ListNode is provided: int val; ListNode next; new ListNode(val), new ListNode(val, next).
class Solution {
  public ListNode reverseList(ListNode head) {
    // Return the first node of the reversed list.
    return null;
  }
}
