#include <bits/stdc++.h>
using namespace std;

class Solution {
public:
  vector<vector<int>> levelOrder(TreeNode* root) {
    vector<vector<int>> levels;
    queue<TreeNode*> pending;
    if (root != nullptr) pending.push(root);
    while (!pending.empty()) {
      vector<int> level;
      for (size_t n = pending.size(); n > 0; n--) {
        TreeNode* node = pending.front();
        pending.pop();
        level.push_back(node->val);
        if (node->left) pending.push(node->left);
        if (node->right) pending.push(node->right);
      }
      levels.push_back(move(level));
    }
    return levels;
  }
};
