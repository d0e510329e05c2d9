#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  bool isValidBST(TreeNode* root) {
    // An in-order walk of a search tree sees strictly increasing values.
    vector<TreeNode*> stack;
    TreeNode* node = root;
    optional<int> previous;
    while (!stack.empty() || node != nullptr) {
      while (node != nullptr) {
        stack.push_back(node);
        node = node->left;
      }
      node = stack.back();
      stack.pop_back();
      if (previous && node->val <= *previous) return false;
      previous = node->val;
      node = node->right;
    }
    return true;
  }
};
