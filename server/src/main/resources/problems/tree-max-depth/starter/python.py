from typing import Optional

# TreeNode is provided: TreeNode(val=0, left=None, right=None)


def maxDepth(root: Optional[TreeNode]) -> int:
    # Return the number of nodes on the longest root-to-leaf path.
    return 0
