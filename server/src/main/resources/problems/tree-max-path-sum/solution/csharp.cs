using System;
using System.Collections.Generic;

public class Solution {
    private int best;

    public int MaxPathSum(TreeNode root) {
        best = root.val;
        Gain(root);
        return best;
    }

    // The largest sum of a path starting at node and going down (0 for no node).
    private int Gain(TreeNode node) {
        if (node == null) return 0;
        int left = Math.Max(0, Gain(node.left));
        int right = Math.Max(0, Gain(node.right));
        best = Math.Max(best, node.val + left + right);
        return node.val + Math.Max(left, right);
    }
}
