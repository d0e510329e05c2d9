/**
 * ListNode is provided: new ListNode(val, next), with fields val and next.
 * @param {ListNode | null} head
 * @return {ListNode | null}
 */
function reverseList(head) {
  // Return the first node of the reversed list.
  return null;
}
