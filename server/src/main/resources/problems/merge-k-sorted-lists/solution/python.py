import heapq
from typing import List, Optional


def mergeKLists(lists: List[Optional[ListNode]]) -> Optional[ListNode]:
    # The list index breaks ties, so that nodes are never compared with each other.
    heap = [(head.val, i, head) for i, head in enumerate(lists) if head]
    heapq.heapify(heap)
    dummy = ListNode()
    tail = dummy
    while heap:
        _, i, node = heapq.heappop(heap)
        tail.next = node
        tail = node
        if node.next:
            heapq.heappush(heap, (node.next.val, i, node.next))
    tail.next = None
    return dummy.next
