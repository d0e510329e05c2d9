using System;
using System.Collections.Generic;

public class Solution {
    public int[][] LevelOrder(TreeNode root) {
        var levels = new List<int[]>();
        var queue = new Queue<TreeNode>();
        if (root != null) queue.Enqueue(root);
        while (queue.Count > 0) {
            var level = new int[queue.Count];
            for (int i = 0; i < level.Length; i++) {
                TreeNode node = queue.Dequeue();
                level[i] = node.val;
                if (node.left != null) queue.Enqueue(node.left);
                if (node.right != null) queue.Enqueue(node.right);
            }
            levels.Add(level);
        }
        return levels.ToArray();
    }
}
