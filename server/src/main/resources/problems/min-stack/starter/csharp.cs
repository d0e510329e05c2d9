using System;
using System.Collections.Generic;

public class MinStack {
    public MinStack() {
        // Set up an empty stack.
    }

    public void Push(int val) {
    }

    public void Pop() {
    }

    public int Top() {
        // Return the top element.
        return 0;
    }

    public int GetMin() {
        // Return the smallest element in the stack.
        return 0;
    }
}
