// ListNode is provided: new ListNode(val, next), with fields val and next.
function mergeKLists(lists: Array<ListNode | null>): ListNode | null {
  // Return the head of one sorted list holding every node of the given lists.
  return null;
}
