// ListNode is provided: new ListNode(val, next), with fields val and next.
function reverseList(head: ListNode | null): ListNode | null {
  // Return the first node of the reversed list.
  return null;
}
