from typing import Optional

# ListNode is provided: ListNode(val=0, next=None)


def removeNthFromEnd(head: Optional[ListNode], n: int) -> Optional[ListNode]:
    # Return the head of the list without its n-th node from the end.
    return None
