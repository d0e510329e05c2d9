import java.util.*;

// TreeNode is provided: int val; TreeNode left, right; new TreeNode(val), new TreeNode(val, left, right).
class Solution {
  public TreeNode invertTree(TreeNode root) {
    // Mirror the tree and return its root.
    return null;
  }
}
