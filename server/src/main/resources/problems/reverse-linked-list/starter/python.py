from typing import Optional

# ListNode is provided: ListNode(val=0, next=None)


def reverseList(head: Optional[ListNode]) -> Optional[ListNode]:
    # Return the first node of the reversed list.
    return None
