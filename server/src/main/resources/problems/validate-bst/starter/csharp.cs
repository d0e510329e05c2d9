using System;
using System.Collections.Generic;

// TreeNode is provided: public int val; public TreeNode left, right; new TreeNode(val, left, right).
public class Solution {
    public bool IsValidBST(TreeNode root) {
        // Return whether the tree is a binary search tree.
        return false;
    }
}
