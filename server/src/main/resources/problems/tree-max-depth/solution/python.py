from collections import deque
from typing import Optional


def maxDepth(root: Optional[TreeNode]) -> int:
    if root is None:
        return 0
    depth = 0
    level = deque([root])
    while level:
        depth += 1
        for _ in range(len(level)):
            node = level.popleft()
            if node.left:
                level.append(node.left)
            if node.right:
                level.append(node.right)
    return depth
