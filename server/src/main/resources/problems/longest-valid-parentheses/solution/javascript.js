/**
 * @param {string} s
 * @return {number}
 */
function longestValidParentheses(s) {
  let best = 0;
  // The bottom entry is the index before the current balanced run may start (the last ')' that
  // closed nothing, or -1); above it, the indices of the '(' still open.
  const stack = [-1];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') {
      stack.push(i);
      continue;
    }
    stack.pop();
    if (stack.length === 0) {
      stack.push(i);
    } else {
      best = Math.max(best, i - stack[stack.length - 1]);
    }
  }
  return best;
}
