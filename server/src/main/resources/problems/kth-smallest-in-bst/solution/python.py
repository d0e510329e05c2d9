from typing import Optional


def kthSmallest(root: Optional[TreeNode], k: int) -> int:
    stack = []
    node = root
    while True:
        while node:
            stack.append(node)
            node = node.left
        node = stack.pop()
        k -= 1
        if k == 0:
            return node.val
        node = node.right
