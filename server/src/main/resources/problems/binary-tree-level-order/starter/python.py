from typing import List, Optional

# TreeNode is provided: TreeNode(val=0, left=None, right=None)


def levelOrder(root: Optional[TreeNode]) -> List[List[int]]:
    # Return the values level by level, each level from left to right.
    return []
