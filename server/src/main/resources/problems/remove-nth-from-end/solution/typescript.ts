function removeNthFromEnd(head: ListNode | null, n: number): ListNode | null {
  const dummy = new ListNode(0, head);
  let lead: ListNode = dummy;
  for (let i = 0; i < n; i++) lead = lead.next!;
  let trail: ListNode = dummy;
  while (lead.next !== null) {
    lead = lead.next;
    trail = trail.next!;
  }
  trail.next = trail.next!.next;
  return dummy.next;
}
