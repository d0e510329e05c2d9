/**
 * @param {TreeNode | null} root
 * @return {TreeNode | null}
 */
function invertTree(root) {
  const queue = root === null ? [] : [root];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    [node.left, node.right] = [node.right, node.left];
    if (node.left !== null) queue.push(node.left);
    if (node.right !== null) queue.push(node.right);
  }
  return root;
}
