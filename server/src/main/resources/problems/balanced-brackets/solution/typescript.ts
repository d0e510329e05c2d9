function isBalanced(s: string): boolean {
  const opening: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
  const stack: string[] = [];
  for (const ch of s) {
    const open = opening[ch];
    if (open !== undefined) {
      if (stack.length === 0 || stack.pop() !== open) return false;
    } else {
      stack.push(ch);
    }
  }
  return stack.length === 0;
}
