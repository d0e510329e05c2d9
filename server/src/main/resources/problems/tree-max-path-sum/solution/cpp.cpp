#include <bits/stdc++.h>
using namespace std;

class Solution {
  int best = 0;

  // The largest sum of a path starting at node and going down (0 for no node).
  int gain(TreeNode* node) {
    if (node == nullptr) return 0;
    int left = max(0, gain(node->left));
    int right = max(0, gain(node->right));
    best = max(best, node->val + left + right);
    return node->val + max(left, right);
  }

public:
  int maxPathSum(TreeNode* root) {
    best = root->val;
    gain(root);
    return best;
  }
};
