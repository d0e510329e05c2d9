import java.util.*;

// TreeNode is provided: int val; TreeNode left, right; new TreeNode(val), new TreeNode(val, left, right).
class Solution {
  public int maxPathSum(TreeNode root) {
    // Return the largest sum of node values along any path.
    return 0;
  }
}
