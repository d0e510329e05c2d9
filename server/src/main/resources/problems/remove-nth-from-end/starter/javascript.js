/**
 * ListNode is provided: new ListNode(val, next), with fields val and next.
 * @param {ListNode | null} head
 * @param {number} n
 * @return {ListNode | null}
 */
function removeNthFromEnd(head, n) {
  // Return the head of the list without its n-th node from the end.
  return null;
}
