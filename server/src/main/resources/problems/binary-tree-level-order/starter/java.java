import java.util.*;

// TreeNode is provided: int val; TreeNode left, right; new TreeNode(val), new TreeNode(val, left, right).
class Solution {
  public List<List<Integer>> levelOrder(TreeNode root) {
    // Return the values level by level, each level from left to right.
    return new ArrayList<>();
  }
}
