#include <bits/stdc++.h>
using namespace std;

// TreeNode is provided: int val; TreeNode *left, *right; TreeNode(x), TreeNode(x, left, right).
class Solution {
public:
  vector<vector<int>> levelOrder(TreeNode* root) {
    // Return the values level by level, each level from left to right.
    return {};
  }
};
