function isValidBST(root: TreeNode | null): boolean {
  // An in-order walk of a search tree sees strictly increasing values.
  const stack: TreeNode[] = [];
  let node = root;
  let previous: number | null = null;
  while (stack.length > 0 || node !== null) {
    while (node !== null) {
      stack.push(node);
      node = node.left;
    }
    const visited = stack.pop()!;
    if (previous !== null && visited.val <= previous) return false;
    previous = visited.val;
    node = visited.right;
  }
  return true;
}
