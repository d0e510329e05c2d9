// Inserts each value of a list into a binary search tree.
class Solution {
 public:
  TreeNode* insertAll(TreeNode* root, ListNode* values) {
    for (ListNode* v = values; v != nullptr; v = v->next) root = insert(root, v->val);
    return root;
  }

 private:
  TreeNode* insert(TreeNode* node, int value) {
    if (node == nullptr) return new TreeNode(value);
    if (value < node->val) node->left = insert(node->left, value);
    else node->right = insert(node->right, value);
    return node;
  }
};
