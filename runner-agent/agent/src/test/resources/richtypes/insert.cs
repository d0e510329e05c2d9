// Inserts each value of a list into a binary search tree.
public class Solution {
  public TreeNode InsertAll(TreeNode root, ListNode values) {
    for (var v = values; v != null; v = v.next) root = Insert(root, v.val);
    return root;
  }

  private TreeNode Insert(TreeNode node, int value) {
    if (node == null) return new TreeNode(value);
    if (value < node.val) node.left = Insert(node.left, value);
    else node.right = Insert(node.right, value);
    return node;
  }
}
