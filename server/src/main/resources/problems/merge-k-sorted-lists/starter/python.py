from typing import List, Optional

# ListNode is provided: ListNode(val=0, next=None)


def mergeKLists(lists: List[Optional[ListNode]]) -> Optional[ListNode]:
    # Return the head of one sorted list holding every node of the given lists.
    return None
