function kthSmallest(root: TreeNode | null, k: number): number {
  const stack: TreeNode[] = [];
  let node = root;
  for (;;) {
    while (node !== null) {
      stack.push(node);
      node = node.left;
    }
    const visited = stack.pop()!;
    k--;
    if (k === 0) return visited.val;
    node = visited.right;
  }
}
