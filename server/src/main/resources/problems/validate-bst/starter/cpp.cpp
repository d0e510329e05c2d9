#include <bits/stdc++.h>
using namespace std;

// TreeNode is provided: int val; TreeNode *left, *right; TreeNode(x), TreeNode(x, left, right).
class Solution {
public:
  bool isValidBST(TreeNode* root) {
    // Return whether the tree is a binary search tree.
    return false;
  }
};
