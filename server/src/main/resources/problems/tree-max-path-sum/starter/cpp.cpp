#include <bits/stdc++.h>
using namespace std;

// TreeNode is provided: int val; TreeNode *left, *right; TreeNode(x), TreeNode(x, left, right).
class Solution {
public:
  int maxPathSum(TreeNode* root) {
    // Return the largest sum of node values along any path.
    return 0;
  }
};
