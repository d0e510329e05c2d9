/**
 * ListNode is provided: new ListNode(val, next), with fields val and next.
 * @param {ListNode | null} list1
 * @param {ListNode | null} list2
 * @return {ListNode | null}
 */
function mergeTwoLists(list1, list2) {
  // Return the head of the merged sorted list.
  return null;
}
