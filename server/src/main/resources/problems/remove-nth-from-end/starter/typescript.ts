// ListNode is provided: new ListNode(val, next), with fields val and next.
function removeNthFromEnd(head: ListNode | null, n: number): ListNode | null {
  // Return the head of the list without its n-th node from the end.
  return null;
}
