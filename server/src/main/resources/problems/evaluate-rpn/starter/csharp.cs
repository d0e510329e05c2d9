using System;
using System.Collections.Generic;

public class Solution {
    public int EvalRPN(string expression) {
        // Return the value of the postfix expression (tokens separated by single spaces).
        return 0;
    }
}
