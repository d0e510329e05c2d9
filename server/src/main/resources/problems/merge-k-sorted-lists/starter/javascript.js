/**
 * ListNode is provided: new ListNode(val, next), with fields val and next.
 * @param {(ListNode | null)[]} lists
 * @return {ListNode | null}
 */
function mergeKLists(lists) {
  // Return the head of one sorted list holding every node of the given lists.
  return null;
}
