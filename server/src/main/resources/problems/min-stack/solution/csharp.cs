using System;
using System.Collections.Generic;

public class MinStack {
    // Each entry is (value, minimum of this value and everything below it).
    private readonly Stack<(int Value, int Min)> entries = new Stack<(int Value, int Min)>();

    public MinStack() {
    }

    public void Push(int val) {
        int smallest = entries.Count == 0 ? val : Math.Min(val, entries.Peek().Min);
        entries.Push((val, smallest));
    }

    public void Pop() {
        entries.Pop();
    }

    public int Top() {
        return entries.Peek().Value;
    }

    public int GetMin() {
        return entries.Peek().Min;
    }
}
