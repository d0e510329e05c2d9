import java.util.*;

class Solution {
  public boolean isValidBST(TreeNode root) {
    // An in-order walk of a search tree sees strictly increasing values.
    Deque<TreeNode> stack = new ArrayDeque<>();
    TreeNode node = root;
    Integer previous = null;
    while (!stack.isEmpty() || node != null) {
      while (node != null) {
        stack.push(node);
        node = node.left;
      }
      node = stack.pop();
      if (previous != null && node.val <= previous) {
        return false;
      }
      previous = node.val;
      node = node.right;
    }
    return true;
  }
}
