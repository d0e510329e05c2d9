import java.util.*;

class Solution {
  public List<List<Integer>> levelOrder(TreeNode root) {
    List<List<Integer>> levels = new ArrayList<>();
    Deque<TreeNode> queue = new ArrayDeque<>();
    if (root != null) {
      queue.add(root);
    }
    while (!queue.isEmpty()) {
      List<Integer> level = new ArrayList<>();
      for (int n = queue.size(); n > 0; n--) {
        TreeNode node = queue.poll();
        level.add(node.val);
        if (node.left != null) {
          queue.add(node.left);
        }
        if (node.right != null) {
          queue.add(node.right);
        }
      }
      levels.add(level);
    }
    return levels;
  }
}
