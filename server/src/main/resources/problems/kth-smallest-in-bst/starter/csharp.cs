using System;
using System.Collections.Generic;

// TreeNode is provided: public int val; public TreeNode left, right; new TreeNode(val, left, right).
public class Solution {
    public int KthSmallest(TreeNode root, int k) {
        // Return the k-th smallest value in the search tree (k = 1 is the smallest).
        return 0;
    }
}
