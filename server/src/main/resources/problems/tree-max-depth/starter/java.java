import java.util.*;

// TreeNode is provided: int val; TreeNode left, right; new TreeNode(val), new TreeNode(val, left, right).
class Solution {
  public int maxDepth(TreeNode root) {
    // Return the number of nodes on the longest root-to-leaf path.
    return 0;
  }
}
