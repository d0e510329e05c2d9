using System;
using System.Collections.Generic;

// TreeNode is provided: public int val; public TreeNode left, right; new TreeNode(val, left, right).
public class Solution {
    public int MaxPathSum(TreeNode root) {
        // Return the largest sum of node values along any path.
        return 0;
    }
}
