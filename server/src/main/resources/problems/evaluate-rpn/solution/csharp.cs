using System;
using System.Collections.Generic;

public class Solution {
    public int EvalRPN(string expression) {
        var stack = new Stack<int>();
        foreach (string token in expression.Split(' ')) {
            if (token == "+" || token == "-" || token == "*" || token == "/") {
                int right = stack.Pop();
                int left = stack.Pop();
                switch (token) {
                    case "+": stack.Push(left + right); break;
                    case "-": stack.Push(left - right); break;
                    case "*": stack.Push(left * right); break;
                    default: stack.Push(left / right); break;
                }
            } else {
                stack.Push(int.Parse(token));
            }
        }
        return stack.Peek();
    }
}
