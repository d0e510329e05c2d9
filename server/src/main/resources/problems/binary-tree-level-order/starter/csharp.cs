using System;
using System.Collections.Generic;

// TreeNode is provided: public int val; public TreeNode left, right; new TreeNode(val, left, right).
public class Solution {
    public int[][] LevelOrder(TreeNode root) {
        // Return the values level by level, each level from left to right.
        return new int[0][];
    }
}
