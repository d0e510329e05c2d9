#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  int maxDepth(TreeNode* root) {
    if (root == nullptr) return 0;
    int depth = 0;
    queue<TreeNode*> level;
    level.push(root);
    while (!level.empty()) {
      depth++;
      for (size_t n = level.size(); n > 0; n--) {
        TreeNode* node = level.front();
        level.pop();
        if (node->left) level.push(node->left);
        if (node->right) level.push(node->right);
      }
    }
    return depth;
  }
};
