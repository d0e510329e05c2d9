#include <bits/stdc++.h>
using namespace std;

// TreeNode is provided: int val; TreeNode *left, *right; TreeNode(x), TreeNode(x, left, right).
class Solution {
public:
  int kthSmallest(TreeNode* root, int k) {
    // Return the k-th smallest value in the search tree (k = 1 is the smallest).
    return 0;
  }
};
