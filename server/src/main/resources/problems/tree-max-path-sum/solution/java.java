import java.util.*;

class Solution {
  private int best;

  public int maxPathSum(TreeNode root) {
    best = root.val;
    gain(root);
    return best;
  }

  /** The largest sum of a path starting at node and going down (0 for no node). */
  private int gain(TreeNode node) {
    if (node == null) {
      return 0;
    }
    int left = Math.max(0, gain(node.left));
    int right = Math.max(0, gain(node.right));
    best = Math.max(best, node.val + left + right);
    return node.val + Math.max(left, right);
  }
}
