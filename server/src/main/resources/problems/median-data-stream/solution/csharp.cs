using System;
using System.Collections.Generic;

public class MedianFinder {
    // Every value in low is <= every value in high; low has as many elements as high or one more.
    private readonly BinaryHeap low = new BinaryHeap((a, b) => a > b);
    private readonly BinaryHeap high = new BinaryHeap((a, b) => a < b);

    public MedianFinder() {
    }

    public void AddNum(int num) {
        low.Push(num);
        high.Push(low.Pop());
        if (high.Count > low.Count) {
            low.Push(high.Pop());
        }
    }

    public double FindMedian() {
        if (low.Count > high.Count) {
            return low.Peek();
        }
        return ((long)low.Peek() + high.Peek()) / 2.0;
    }
}

/// A binary heap of ints; before(a, b) is true when a belongs nearer the top than b.
public class BinaryHeap {
    private readonly List<int> items = new List<int>();
    private readonly Func<int, int, bool> before;

    public BinaryHeap(Func<int, int, bool> before) {
        this.before = before;
    }

    public int Count {
        get { return items.Count; }
    }

    public int Peek() {
        return items[0];
    }

    public void Push(int x) {
        items.Add(x);
        int i = items.Count - 1;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!before(items[i], items[parent])) break;
            Swap(i, parent);
            i = parent;
        }
    }

    public int Pop() {
        int top = items[0];
        int last = items[items.Count - 1];
        items.RemoveAt(items.Count - 1);
        if (items.Count > 0) {
            items[0] = last;
            int i = 0;
            while (true) {
                int left = 2 * i + 1, right = left + 1, first = i;
                if (left < items.Count && before(items[left], items[first])) first = left;
                if (right < items.Count && before(items[right], items[first])) first = right;
                if (first == i) break;
                Swap(i, first);
                i = first;
            }
        }
        return top;
    }

    private void Swap(int i, int j) {
        int t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}
