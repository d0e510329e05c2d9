from typing import Optional


def isValidBST(root: Optional[TreeNode]) -> bool:
    # An in-order walk of a search tree sees strictly increasing values.
    stack = []
    node = root
    previous = None
    while stack or node:
        while node:
            stack.append(node)
            node = node.left
        node = stack.pop()
        if previous is not None and node.val <= previous:
            return False
        previous = node.val
        node = node.right
    return True
