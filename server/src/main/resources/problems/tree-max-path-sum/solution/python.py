from typing import Optional


def maxPathSum(root: Optional[TreeNode]) -> int:
    best = root.val

    def gain(node: Optional[TreeNode]) -> int:
        """The largest sum of a path starting at node and going down (0 for no node)."""
        nonlocal best
        if node is None:
            return 0
        left = max(0, gain(node.left))
        right = max(0, gain(node.right))
        best = max(best, node.val + left + right)
        return node.val + max(left, right)

    gain(root)
    return best
