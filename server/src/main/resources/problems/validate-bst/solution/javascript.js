/**
 * @param {TreeNode | null} root
 * @return {boolean}
 */
function isValidBST(root) {
  // An in-order walk of a search tree sees strictly increasing values.
  const stack = [];
  let node = root;
  let previous = null;
  while (stack.length > 0 || node !== null) {
    while (node !== null) {
      stack.push(node);
      node = node.left;
    }
    node = stack.pop();
    if (previous !== null && node.val <= previous) return false;
    previous = node.val;
    node = node.right;
  }
  return true;
}
