using System;
using System.Collections.Generic;

public class Solution {
    public int LongestValidParentheses(string s) {
        int best = 0;
        // The bottom entry is the index before the current balanced run may start (the last ')'
        // that closed nothing, or -1); above it, the indices of the '(' still open.
        var stack = new Stack<int>();
        stack.Push(-1);
        for (int i = 0; i < s.Length; i++) {
            if (s[i] == '(') {
                stack.Push(i);
                continue;
            }
            stack.Pop();
            if (stack.Count == 0) {
                stack.Push(i);
            } else {
                best = Math.Max(best, i - stack.Peek());
            }
        }
        return best;
    }
}
