/**
 * TreeNode is provided: new TreeNode(val, left, right), with fields val, left and right.
 * @param {TreeNode | null} root
 * @return {boolean}
 */
function isValidBST(root) {
  // Return whether the tree is a binary search tree.
  return false;
}
