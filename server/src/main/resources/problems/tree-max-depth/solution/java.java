import java.util.*;

class Solution {
  public int maxDepth(TreeNode root) {
    if (root == null) {
      return 0;
    }
    int depth = 0;
    Deque<TreeNode> level = new ArrayDeque<>();
    level.add(root);
    while (!level.isEmpty()) {
      depth++;
      for (int n = level.size(); n > 0; n--) {
        TreeNode node = level.poll();
        if (node.left != null) {
          level.add(node.left);
        }
        if (node.right != null) {
          level.add(node.right);
        }
      }
    }
    return depth;
  }
}
