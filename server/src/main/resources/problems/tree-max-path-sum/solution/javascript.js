/**
 * @param {TreeNode} root
 * @return {number}
 */
function maxPathSum(root) {
  let best = root.val;
  // The largest sum of a path starting at node and going down (0 for no node).
  const gain = (node) => {
    if (node === null) return 0;
    const left = Math.max(0, gain(node.left));
    const right = Math.max(0, gain(node.right));
    best = Math.max(best, node.val + left + right);
    return node.val + Math.max(left, right);
  };
  gain(root);
  return best;
}
