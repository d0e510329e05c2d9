#include <bits/stdc++.h>
using namespace std;

// TreeNode is provided: int val; TreeNode *left, *right; TreeNode(x), TreeNode(x, left, right).
class Solution {
public:
  int maxDepth(TreeNode* root) {
    // Return the number of nodes on the longest root-to-leaf path.
    return 0;
  }
};
