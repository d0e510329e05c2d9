import java.util.*;

// TreeNode is provided: int val; TreeNode left, right; new TreeNode(val), new TreeNode(val, left, right).
class Solution {
  public int kthSmallest(TreeNode root, int k) {
    // Return the k-th smallest value in the search tree (k = 1 is the smallest).
    return 0;
  }
}
