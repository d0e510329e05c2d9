using System;
using System.Collections.Generic;

public class Solution {
    public int KthSmallest(TreeNode root, int k) {
        var stack = new Stack<TreeNode>();
        TreeNode node = root;
        while (true) {
            while (node != null) {
                stack.Push(node);
                node = node.left;
            }
            node = stack.Pop();
            if (--k == 0) return node.val;
            node = node.right;
        }
    }
}
