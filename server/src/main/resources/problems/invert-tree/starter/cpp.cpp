#include <bits/stdc++.h>
using namespace std;

// TreeNode is provided: int val; TreeNode *left, *right; TreeNode(x), TreeNode(x, left, right).
class Solution {
public:
  TreeNode* invertTree(TreeNode* root) {
    // Mirror the tree and return its root.
    return nullptr;
  }
};
