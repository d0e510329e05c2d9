using System;
using System.Collections.Generic;

// TreeNode is provided: public int val; public TreeNode left, right; new TreeNode(val, left, right).
public class Solution {
    public TreeNode InvertTree(TreeNode root) {
        // Mirror the tree and return its root.
        return null;
    }
}
