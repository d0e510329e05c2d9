import java.util.*;

class Solution {
  public TreeNode invertTree(TreeNode root) {
    Deque<TreeNode> queue = new ArrayDeque<>();
    if (root != null) {
      queue.add(root);
    }
    while (!queue.isEmpty()) {
      TreeNode node = queue.poll();
      TreeNode left = node.left;
      node.left = node.right;
      node.right = left;
      if (node.left != null) {
        queue.add(node.left);
      }
      if (node.right != null) {
        queue.add(node.right);
      }
    }
    return root;
  }
}
