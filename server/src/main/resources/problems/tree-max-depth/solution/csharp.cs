using System;
using System.Collections.Generic;

public class Solution {
    public int MaxDepth(TreeNode root) {
        if (root == null) return 0;
        int depth = 0;
        var level = new Queue<TreeNode>();
        level.Enqueue(root);
        while (level.Count > 0) {
            depth++;
            for (int n = level.Count; n > 0; n--) {
                TreeNode node = level.Dequeue();
                if (node.left != null) level.Enqueue(node.left);
                if (node.right != null) level.Enqueue(node.right);
            }
        }
        return depth;
    }
}
