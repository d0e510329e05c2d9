from typing import Optional

# TreeNode is provided: TreeNode(val=0, left=None, right=None)


def kthSmallest(root: Optional[TreeNode], k: int) -> int:
    # Return the k-th smallest value in the search tree (k = 1 is the smallest).
    return 0
