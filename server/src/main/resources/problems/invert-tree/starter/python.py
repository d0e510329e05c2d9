from typing import Optional

# TreeNode is provided: TreeNode(val=0, left=None, right=None)


def invertTree(root: Optional[TreeNode]) -> Optional[TreeNode]:
    # Mirror the tree and return its root.
    return None
