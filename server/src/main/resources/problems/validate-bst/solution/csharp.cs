using System;
using System.Collections.Generic;

public class Solution {
    public bool IsValidBST(TreeNode root) {
        // An in-order walk of a search tree sees strictly increasing values.
        var stack = new Stack<TreeNode>();
        TreeNode node = root;
        int? previous = null;
        while (stack.Count > 0 || node != null) {
            while (node != null) {
                stack.Push(node);
                node = node.left;
            }
            node = stack.Pop();
            if (previous.HasValue && node.val <= previous.Value) return false;
            previous = node.val;
            node = node.right;
        }
        return true;
    }
}
