// ListNode is provided: new ListNode(val, next), with fields val and next.
function mergeTwoLists(list1: ListNode | null, list2: ListNode | null): ListNode | null {
  // Return the head of the merged sorted list.
  return null;
}
