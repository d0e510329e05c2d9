from collections import deque
from typing import Optional


def invertTree(root: Optional[TreeNode]) -> Optional[TreeNode]:
    queue = deque([root] if root else [])
    while queue:
        node = queue.popleft()
        node.left, node.right = node.right, node.left
        if node.left:
            queue.append(node.left)
        if node.right:
            queue.append(node.right)
    return root
