import java.util.*;

class Solution {
  public ListNode mergeKLists(ListNode[] lists) {
    PriorityQueue<ListNode> heads = new PriorityQueue<>(Comparator.comparingInt(n -> n.val));
    for (ListNode head : lists) {
      if (head != null) {
        heads.add(head);
      }
    }
    ListNode dummy = new ListNode();
    ListNode tail = dummy;
    while (!heads.isEmpty()) {
      ListNode node = heads.poll();
      tail.next = node;
      tail = node;
      if (node.next != null) {
        heads.add(node.next);
      }
    }
    return dummy.next;
  }
}
