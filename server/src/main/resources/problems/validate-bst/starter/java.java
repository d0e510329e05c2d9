import java.util.*;

// TreeNode is provided: int val; TreeNode left, right; new TreeNode(val), new TreeNode(val, left, right).
class Solution {
  public boolean isValidBST(TreeNode root) {
    // Return whether the tree is a binary search tree.
    return false;
  }
}
