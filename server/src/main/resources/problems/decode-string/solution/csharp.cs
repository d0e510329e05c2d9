using System;
using System.Collections.Generic;
using System.Text;

public class Solution {
    public string DecodeString(string s) {
        var open = new Stack<(StringBuilder outer, int count)>(); // enclosing text and count of each open group
        var current = new StringBuilder();
        int count = 0;
        foreach (char ch in s) {
            if (ch >= '0' && ch <= '9') {
                count = count * 10 + (ch - '0');
            } else if (ch == '[') {
                open.Push((current, count));
                current = new StringBuilder();
                count = 0;
            } else if (ch == ']') {
                var group = open.Pop();
                string inner = current.ToString();
                for (int i = 0; i < group.count; i++) group.outer.Append(inner);
                current = group.outer;
            } else {
                current.Append(ch);
            }
        }
        return current.ToString();
    }
}
