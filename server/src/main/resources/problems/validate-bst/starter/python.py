from typing import Optional

# TreeNode is provided: TreeNode(val=0, left=None, right=None)


def isValidBST(root: Optional[TreeNode]) -> bool:
    # Return whether the tree is a binary search tree.
    return False
