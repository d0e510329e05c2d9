from typing import Optional

# TreeNode is provided: TreeNode(val=0, left=None, right=None)


def maxPathSum(root: Optional[TreeNode]) -> int:
    # Return the largest sum of node values along any path.
    return 0
