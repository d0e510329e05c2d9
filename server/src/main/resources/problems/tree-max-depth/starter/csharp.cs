using System;
using System.Collections.Generic;

// TreeNode is provided: public int val; public TreeNode left, right; new TreeNode(val, left, right).
public class Solution {
    public int MaxDepth(TreeNode root) {
        // Return the number of nodes on the longest root-to-leaf path.
        return 0;
    }
}
