using System;
using System.Collections.Generic;

public class Solution {
    public bool IsBalanced(string s) {
        var stack = new Stack<char>();
        foreach (char ch in s) {
            if (ch == '(' || ch == '[' || ch == '{') {
                stack.Push(ch);
                continue;
            }
            char open = ch == ')' ? '(' : ch == ']' ? '[' : '{';
            if (stack.Count == 0 || stack.Pop() != open) return false;
        }
        return stack.Count == 0;
    }
}
